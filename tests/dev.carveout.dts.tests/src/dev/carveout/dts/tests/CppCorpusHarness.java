package dev.carveout.dts.tests;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import dev.carveout.dts.cpp.CppDiagnostic;
import dev.carveout.dts.cpp.LexCache;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;
import dev.carveout.memmap.Severity;

/**
 * Runs our preprocessor and GNU cpp over every arm64 board of the kernel tree and prints matches, mismatches and
 * timings. Too slow for the test suite (cpp takes most of the time); run it by hand:
 * {@code java -cp <classes> dev.carveout.dts.tests.CppCorpusHarness [kernel-tree] [max-mismatches-shown] [dts-dir]}
 * (dts-dir defaults to arch/arm64/boot/dts; arch/arm/boot/dts and the others work too).
 */
public final class CppCorpusHarness {

	private CppCorpusHarness() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0) {
			System.setProperty("carveout.kernel.src", args[0]);
		}
		int show = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		String dtsDir = args.length > 2 ? args[2] : "arch/arm64/boot/dts";
		Path root = KernelTree.root();
		Path prefixes = KernelTree.includePrefixes(root);
		List<Path> boards;
		try (Stream<Path> files = Files.walk(root.resolve(dtsDir))) {
			boards = files.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
		}
		Preprocessor cpp = new Preprocessor(List.of(prefixes), Preprocessor.kbuildDefines(), SourceReader.FILES);

		// ours, twice: the first pass fills the lexed-file cache, the second is the steady state. CPU time of this
		// thread is printed too: on a busy machine it is the steadier figure
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long coldCpu = threads.getCurrentThreadCpuTime();
		long coldStart = System.nanoTime();
		String[] ours = new String[boards.size()];
		int withErrors = 0;
		for (int i = 0; i < boards.size(); i++) {
			PreprocessedUnit unit = cpp.run(boards.get(i));
			ours[i] = unit.text();
			if (unit.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
				withErrors++;
				if (withErrors <= show) {
					System.out.println("DIAG " + boards.get(i) + ": "
							+ unit.diagnostics().stream().map(CppDiagnostic::toString).toList());
				}
			}
		}
		long cold = System.nanoTime() - coldStart;
		coldCpu = threads.getCurrentThreadCpuTime() - coldCpu;
		long warmCpu = threads.getCurrentThreadCpuTime();
		long warmStart = System.nanoTime();
		for (Path board : boards) {
			cpp.run(board);
		}
		long warm = System.nanoTime() - warmStart;
		warmCpu = threads.getCurrentThreadCpuTime() - warmCpu;
		System.gc();
		Runtime rt = Runtime.getRuntime();
		long heap = rt.totalMemory() - rt.freeMemory();
		// all boards on two threads, as the check would run them on a 2-core machine
		long parallelStart = System.nanoTime();
		try (ForkJoinPool pool = new ForkJoinPool(2)) {
			pool.submit(() -> boards.parallelStream().forEach(cpp::run)).get();
		}
		long parallel = System.nanoTime() - parallelStart;
		int cacheSize = LexCache.SHARED.size();
		LexCache.SHARED.clear();
		long uncachedStart = System.nanoTime();
		for (Path board : boards) {
			new Preprocessor(List.of(prefixes), Preprocessor.kbuildDefines(), SourceReader.FILES, new LexCache())
					.run(board);
		}
		long uncached = System.nanoTime() - uncachedStart;

		long gnuTime = 0;
		int match = 0;
		int mismatch = 0;
		int cppFailed = 0;
		for (int i = 0; i < boards.size(); i++) {
			long start = System.nanoTime();
			String expected;
			try {
				expected = GnuCpp.run(boards.get(i), prefixes);
			} catch (Exception e) {
				cppFailed++;
				continue;
			} finally {
				gnuTime += System.nanoTime() - start;
			}
			String diff = GnuCpp.firstDifference(GnuCpp.words(expected), GnuCpp.words(ours[i]));
			if (diff == null) {
				match++;
			} else {
				mismatch++;
				if (mismatch <= show) {
					System.out.println("MISMATCH " + root.relativize(boards.get(i)) + ": " + diff);
				}
			}
		}
		System.out.printf("boards %d: %d match, %d mismatch, %d cpp failures, %d with our error diagnostics%n",
				boards.size(), match, mismatch, cppFailed, withErrors);
		System.out.printf("ours: %.2f s first pass (cold cache, JIT warm-up; %.2f s CPU), %.2f s second pass (cached; "
				+ "%.2f s CPU), %.2f s on 2 threads (cached), %.2f s without cache; heap with cache %d MB (%d files)%n",
				cold / 1e9, coldCpu / 1e9, warm / 1e9, warmCpu / 1e9, parallel / 1e9, uncached / 1e9, heap >> 20,
				cacheSize);
		System.out.printf("GNU cpp (one subprocess per board, sequential): %.2f s%n", gnuTime / 1e9);
	}
}

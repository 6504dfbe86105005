package dev.carveout.dts.corpus.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;

/**
 * A seeded mutation fuzzer over the corpus: input i takes a board (and one of the files it reads) chosen by
 * {@code seed + i}, applies one to three {@link Mutation}s and lets the {@link Oracle} judge the engine's answer.
 * The same seed and count give the same inputs, whatever the number of threads. Failures are minimized and written
 * as reproducers. Our own mutator rather than a coverage-guided one: Jazzer needs its Java agent in the test JVM,
 * which Tycho's OSGi test runtime does not give it.
 */
final class Fuzzer {

	/** The per-input bound: a check of the largest corpus board takes well under a second when idle. */
	static final Duration BOUND = Duration.ofSeconds(30);

	private final List<Path> boards;
	private final List<Path> includeDirs;
	private final Path out;
	private final Map<Path, List<Path>> filesOf = new ConcurrentHashMap<>();

	Fuzzer(List<Path> boards, List<Path> includeDirs, Path out) {
		this.boards = boards;
		this.includeDirs = includeDirs;
		this.out = out;
	}

	record Report(int inputs, long nanos, Map<Failure.Kind, Integer> failures, List<Path> reproducers, String loadBefore,
			String loadAfter) {

		String summary() {
			double seconds = nanos / 1e9;
			return String.format("fuzz: %d inputs in %.1f s, %.1f inputs/s; failures %s; reproducers %s; load %s -> %s",
					inputs, seconds, inputs / seconds, failures, reproducers, loadBefore, loadAfter);
		}
	}

	Report run(int count, long seed, int threads) throws Exception {
		Files.createDirectories(out);
		String loadBefore = load();
		long start = System.nanoTime();
		Map<Failure.Kind, Integer> failures = new EnumMap<>(Failure.Kind.class);
		for (Failure.Kind kind : Failure.Kind.values()) {
			failures.put(kind, 0);
		}
		List<Path> reproducers = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Path work = Files.createTempDirectory(out, "work");
			workers.add(pool.submit(() -> {
				try (Oracle oracle = new Oracle(includeDirs, work, BOUND)) {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						FuzzInput input = input(seed + i);
						Failure failure = oracle.judge(input);
						if (failure != null) {
							synchronized (failures) {
								failures.merge(failure.kind(), 1, Integer::sum);
							}
							FuzzInput small = new Minimizer(oracle, 200).minimize(input, failure.kind());
							reproducers.add(write(i, failure, input, small));
						}
						int finished = done.incrementAndGet();
						if (finished % 1000 == 0) {
							System.out.printf("fuzz: %d of %d inputs, %.0f s, failures %s%n", finished, count,
									(System.nanoTime() - start) / 1e9, failures);
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		return new Report(count, System.nanoTime() - start, failures, List.copyOf(reproducers), loadBefore, load());
	}

	/** Input {@code seed}: a board, the file of it to damage and the damage, all from one Random. */
	FuzzInput input(long seed) throws IOException {
		Random random = new Random(seed);
		Path board = boards.get(random.nextInt(boards.size()));
		List<Path> files = filesOf.computeIfAbsent(board, this::filesRead);
		Path file = random.nextInt(3) == 0 || files.isEmpty() ? board : files.get(random.nextInt(files.size()));
		byte[] bytes = Files.readAllBytes(file);
		List<Mutation> applied = new ArrayList<>();
		for (int n = 1 + random.nextInt(3); n > 0; n--) {
			Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
			bytes = mutation.apply(bytes, random, file.getFileName().toString());
			applied.add(mutation);
		}
		return new FuzzInput(board, file, bytes, applied, seed);
	}

	/** The files a board reads, from a clean check of it. */
	private List<Path> filesRead(Path board) {
		List<Path> dirs = new ArrayList<>(includeDirs);
		dirs.add(board.getParent());
		return new BoardChecker(CheckSettings.defaults().withIncludeDirs(dirs)).check(board, SourceOverlay.NONE).files()
				.stream().filter(f -> !f.equals(board)).sorted().toList();
	}

	private Path write(int index, Failure failure, FuzzInput input, FuzzInput small) throws IOException {
		String name = failure.kind().name().toLowerCase() + "-" + index;
		Path reproducer = out.resolve(name + "-" + small.mutatedFile().getFileName());
		Files.write(reproducer, small.bytes());
		Files.writeString(out.resolve(name + ".txt"), failure.kind() + ": " + failure.detail() + "\n\n" + input.describe()
				+ "\n\nminimized to " + small.bytes().length + " bytes: " + reproducer + "\n");
		return reproducer;
	}

	static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		} catch (IOException e) {
			return "unknown";
		}
	}
}

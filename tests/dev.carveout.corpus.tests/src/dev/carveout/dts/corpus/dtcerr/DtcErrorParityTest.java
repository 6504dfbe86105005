package dev.carveout.dts.corpus.dtcerr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.carveout.dts.corpus.CorpusAccess;
import dev.carveout.dts.fdt.DtbComparison;

/**
 * The differential error generator (issue 13 item 5): seeded cases of every {@link FaultKind}, each compiled by the
 * machine's cpp + dtc as kbuild does and read by the engine. The verdicts must be equal: nothing dtc accepts is an
 * error (and the engine's tree then equals dtc's DTB), and every error dtc reports is an engine error on dtc's file
 * and line (on the fault's line for dtc's FATAL ERRORs, which name none). {@code carveout.dtcerr.cases} and
 * {@code carveout.dtcerr.seed} choose the batch; the report is {@code target/dtc-parity.txt}.
 */
class DtcErrorParityTest {

	@Test
	void everyErrorThatStopsDtcIsAnErrorOnDtcsLine() throws Exception {
		int count = Integer.getInteger("carveout.dtcerr.cases", 360);
		long seed = Long.getLong("carveout.dtcerr.seed", 20261202L);
		Path includePrefixes = CorpusAccess.includeDirs().get(0);
		KbuildDtc dtc = new KbuildDtc(includePrefixes);
		CaseGenerator generator = new CaseGenerator(CorpusAccess.boardFiles(), dtc);
		Path out = Path.of("target", "dtcerr").toAbsolutePath();
		deleteTree(out);
		String loadBefore = load();
		long start = System.nanoTime();
		List<FaultCase> cases = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			cases.add(generator.make(i, seed));
		}
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		List<Outcome> outcomes = new ArrayList<>();
		try {
			List<Future<Outcome>> futures = new ArrayList<>();
			for (FaultCase c : cases) {
				futures.add(pool.submit(() -> judge(c, out.resolve("case-" + c.index()), dtc, includePrefixes)));
			}
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get());
			}
		} finally {
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;

		String report = report(outcomes, seconds, loadBefore, load());
		Files.writeString(Path.of("target", "dtc-parity.txt"), report);
		System.out.println(report.lines().filter(l -> !l.startsWith("AGREE")).reduce((a, b) -> a + "\n" + b).orElse(""));
		List<String> disagreements = outcomes.stream().filter(o -> o.problem != null)
				.map(o -> o.c.name() + ": " + o.problem).toList();
		assertEquals(List.of(), disagreements, "cases where the engine and dtc disagree (files under " + out + ")");
	}

	/** A case's two verdicts and, when they disagree, why. */
	record Outcome(FaultCase c, Verdict dtc, Verdict engine, String problem) {
	}

	private static Outcome judge(FaultCase c, Path dir, KbuildDtc kbuild, Path includePrefixes) throws Exception {
		c.writeTo(dir);
		Verdict dtc = kbuild.compile(dir, c.base().ownFolder());
		EngineVerdict.Reading reading = EngineVerdict.read(dir, includePrefixes, c.base().ownFolder());
		Verdict engine = reading.verdict();
		String problem = null;
		if (dtc.accepted() && !engine.accepted()) {
			problem = "dtc accepts, the engine reports errors: " + engine.detail();
		} else if (!dtc.accepted() && engine.accepted()) {
			problem = "dtc rejects (" + dtc.detail() + "), the engine reports no error";
		} else if (dtc.accepted()) {
			List<DtbComparison.Difference> differences = reading.differencesFrom(dir.resolve("board.dtb"));
			if (!differences.isEmpty()) {
				problem = "both accept, but the trees differ: " + differences.subList(0, Math.min(3, differences.size()));
			}
		} else {
			List<Place> expected = dtc.errors().isEmpty() && c.faultPlace(dir) != null ? List.of(c.faultPlace(dir))
					: dtc.errors();
			List<Place> missing = expected.stream().filter(p -> !engine.errors().contains(p)).toList();
			if (!missing.isEmpty()) {
				problem = "dtc's errors at " + missing + " (" + dtc.detail() + ") are not engine errors there; the engine: "
						+ engine.detail();
			}
		}
		return new Outcome(c, dtc, engine, problem);
	}

	/** One line per case, then per kind: cases, how many dtc rejects, how many agree; then the totals and the time. */
	private static String report(List<Outcome> outcomes, double seconds, String loadBefore, String loadAfter) {
		StringBuilder text = new StringBuilder();
		for (Outcome o : outcomes) {
			text.append(o.problem == null ? "AGREE  " : "DIFFER ").append(o.c.name()).append(": dtc ")
					.append(o.dtc.accepted() ? "accepts" : "rejects at " + o.dtc.errors())
					.append(o.problem == null ? "" : "; " + o.problem).append('\n');
		}
		Map<FaultKind, int[]> kinds = new EnumMap<>(FaultKind.class);
		for (Outcome o : outcomes) {
			int[] n = kinds.computeIfAbsent(o.c.kind(), k -> new int[3]);
			n[0]++;
			n[1] += o.dtc.accepted() ? 0 : 1;
			n[2] += o.problem == null ? 1 : 0;
		}
		kinds.forEach((kind, n) -> text.append(String.format("%-24s %3d cases, dtc rejects %3d, agree %3d%n", kind, n[0],
				n[1], n[2])));
		long agree = outcomes.stream().filter(o -> o.problem == null).count();
		long rejected = outcomes.stream().filter(o -> !o.dtc.accepted()).count();
		text.append(String.format("dtc parity: %d cases (%d rejected by dtc), %d agree, in %.1f s; load %s -> %s%n",
				outcomes.size(), rejected, agree, seconds, loadBefore, loadAfter));
		return text.toString();
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		} catch (IOException e) {
			return "unknown";
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}
}

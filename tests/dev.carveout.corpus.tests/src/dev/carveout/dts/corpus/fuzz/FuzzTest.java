package dev.carveout.dts.corpus.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.carveout.dts.corpus.CorpusAccess;

/**
 * A fixed, seeded batch of damaged corpus files through the engine (about a minute): no exception, no hang past
 * {@link Fuzzer#BOUND}, a result for each, every finding inside its file. {@code tests/fuzz.sh N SEED} runs the
 * same with more inputs ({@code carveout.fuzz.inputs}, {@code carveout.fuzz.seed}).
 */
class FuzzTest {

	@Test
	void damagedCorpusFilesNeverBreakTheEngine() throws Exception {
		int inputs = Integer.getInteger("carveout.fuzz.inputs", 200);
		long seed = Long.getLong("carveout.fuzz.seed", 20261202L);
		Path out = Path.of("target", "fuzz").toAbsolutePath();
		Fuzzer fuzzer = new Fuzzer(CorpusAccess.boardFiles(), CorpusAccess.includeDirs(), out);
		Fuzzer.Report report = fuzzer.run(inputs, seed, Runtime.getRuntime().availableProcessors());
		System.out.println(report.summary());
		Files.writeString(out.resolve("report.txt"), report.summary() + "\n");
		assertEquals(Map.of(Failure.Kind.EXCEPTION, 0, Failure.Kind.HANG, 0, Failure.Kind.MISSING_RESULT, 0,
				Failure.Kind.BEYOND_FILE, 0), report.failures(), () -> "reproducers: " + report.reproducers());
		assertEquals(List.of(), report.reproducers());
	}
}

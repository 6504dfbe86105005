package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.xtext.service.OperationCanceledError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;

/**
 * A check is cancelled while it runs (the editor's next keystroke, the language server's next change of the
 * document): the preprocessor asks as it writes and the tree is built item by item asking before each, so a
 * cancelled check stops early with Xtext's OperationCanceledError instead of finishing a result nobody wants.
 */
class CheckCancellationTest {

	@TempDir
	Path dir;

	private Path board;

	/** 3,000 top-level node definitions, about 50,000 tokens: enough for the preprocessor to ask a dozen times. */
	@BeforeEach
	void bigBoard() throws Exception {
		StringBuilder text = new StringBuilder("/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>; };\n");
		for (int i = 0; i < 3_000; i++) {
			text.append("/ { n").append(i).append(" { p = <1 2 3 4 5 6 7 8>; }; };\n");
		}
		board = Files.writeString(dir.resolve("big.dts"), text);
	}

	@Test
	void aCancelledCheckStopsAtTheNextQuestion() {
		AtomicInteger asked = new AtomicInteger();
		BoardChecker checker = new BoardChecker(CheckSettings.defaults());
		assertThrows(OperationCanceledError.class, () -> checker.check(board, SourceOverlay.NONE, () -> asked.incrementAndGet() >= 3));
		assertEquals(3, asked.get(), "the check stopped when told, not at its end");
	}

	@Test
	void aCheckNobodyCancelsAsksAsItGoesAndFindsWhatItAlwaysFinds() {
		AtomicInteger asked = new AtomicInteger();
		BoardChecker checker = new BoardChecker(CheckSettings.defaults());
		CheckResult result = checker.check(board, SourceOverlay.NONE, () -> asked.incrementAndGet() < 0);
		// a dozen times in the preprocessor, once after the parse, once per top-level item of the tree
		assertTrue(asked.get() > 3_000, "asked " + asked.get() + " times");
		assertEquals(checker.check(board, SourceOverlay.NONE).findings(), result.findings());
		assertEquals(3_000, result.tree().root().children().size());
	}
}

package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.Token;
import org.junit.jupiter.api.Test;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.check.TranslationUnit;
import dev.carveout.dts.limits.InputLimit;
import dev.carveout.dts.limits.InputUsage;
import dev.carveout.dts.parser.DtsLexer;
import dev.carveout.dts.parser.antlr.DtsTokenSource;
import dev.carveout.dts.tree.DtNode;
import dev.carveout.dts.tree.DtProperty;
import dev.carveout.memmap.Finding;

/**
 * How close the real boards come to each {@link InputLimit}: every arm64 board read as the conformance test reads
 * it, with the largest amount of each limited thing and the board that has it. Fails when a limit leaves less
 * than twice the largest real amount, or fires on a real board; writes the table to target/limits-survey.txt.
 */
class LimitsSurvey {

	private record Peak(long amount, String board) {
	}

	@Test
	void everyLimitLeavesAtLeastTwiceWhatRealBoardsNeed() throws IOException {
		Corpus corpus = Corpus.locate();
		Map<InputLimit, Peak> peaks = new EnumMap<>(InputLimit.class);
		List<String> fired = new ArrayList<>();
		for (Corpus.Board board : corpus.boards()) {
			List<Finding> findings = new ArrayList<>();
			BoardChecker checker = new BoardChecker(CheckSettings.defaults()
					.withIncludeDirs(List.of(corpus.includePrefixes(), board.dts().getParent())));
			TranslationUnit unit = checker.effectiveTree(board.dts(), SourceOverlay.NONE, true, findings);
			// every limit but #include's stops the board
			if (unit == null || unit.preprocessed().usage().exceeded() != null) {
				fired.add(board.name() + ": " + findings);
				continue;
			}
			Map<InputLimit, Long> amounts = measure(unit);
			amounts.forEach((limit, amount) -> peaks.merge(limit, new Peak(amount, board.name()),
					(a, b) -> a.amount() >= b.amount() ? a : b));
		}
		StringBuilder table = new StringBuilder(String.format("%-24s %12s %12s %8s  %s%n", "limit", "value",
				"corpus max", "margin", "board"));
		List<String> tight = new ArrayList<>();
		for (InputLimit limit : InputLimit.values()) {
			Peak peak = peaks.getOrDefault(limit, new Peak(0, "-"));
			table.append(String.format("%-24s %12d %12d %8s  %s%n", limit, limit.value(), peak.amount(),
					peak.amount() == 0 ? "-" : String.format("%.0fx", (double) limit.value() / peak.amount()), peak.board()));
			if (limit.value() < 2 * peak.amount()) {
				tight.add(limit.toString());
			}
		}
		System.out.print(table);
		Path report = Path.of("target", "limits-survey.txt");
		Files.createDirectories(report.getParent());
		Files.writeString(report, table);
		assertTrue(fired.isEmpty(), () -> "limits fired on real boards: " + fired);
		assertTrue(tight.isEmpty(), () -> "limits with less than a 2x margin: " + tight + "\n" + table);
	}

	/** One board's amount of each limited thing. */
	private static Map<InputLimit, Long> measure(TranslationUnit unit) throws IOException {
		Map<InputLimit, Long> amounts = new EnumMap<>(InputLimit.class);
		InputUsage usage = unit.preprocessed().usage();
		for (InputLimit limit : InputLimit.values()) {
			amounts.put(limit, usage.peak(limit));
		}
		long largestFile = 0;
		for (Path file : unit.files()) {
			largestFile = Math.max(largestFile, Files.size(file));
		}
		amounts.put(InputLimit.FILE_SIZE, largestFile);
		amounts.put(InputLimit.PREPROCESSED_OUTPUT, (long) unit.preprocessed().text().length());
		DtsTokenSource tokens = new DtsTokenSource(new DtsLexer(new ANTLRStringStream(unit.preprocessed().text())));
		while (tokens.nextToken().getType() != Token.EOF) {
			// the gauge measures as the tokens go by
		}
		amounts.put(InputLimit.NODE_NESTING, (long) tokens.gauge().peakNodes());
		amounts.put(InputLimit.EXPRESSION_NESTING, (long) tokens.gauge().peakExpression());
		long properties = 0;
		long propertySize = 0;
		Deque<DtNode> nodes = new ArrayDeque<>(List.of(unit.tree().root()));
		while (!nodes.isEmpty()) {
			DtNode node = nodes.pop();
			if (!node.name().equals("__symbols__")) { // dtc -@ makes it; no source has it
				properties = Math.max(properties, node.properties().size());
			}
			for (DtProperty property : node.properties()) {
				propertySize = Math.max(propertySize, property.value() == null ? 0 : property.value().length());
			}
			nodes.addAll(node.children());
		}
		amounts.put(InputLimit.PROPERTIES_PER_NODE, properties);
		amounts.put(InputLimit.PROPERTY_SIZE, propertySize);
		return amounts;
	}
}

package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.memmap.Severity;

/**
 * A line marker written in the sources ('# 40 "other.dtsi"') moves dtc's places until cpp writes a marker of its own.
 * The engine reports an error where it is written and, under a marker, where dtc places it; nowhere else. The
 * differential parity test only asks that dtc's place be among the engine's; here each board's engine places must
 * be exactly the written place and dtc's (one place when they are the same), so a marker that holds too long (past
 * cpp's resynchronisation) shows. dtc itself says where it places each error, on each board.
 */
class LineMarkerPlacesTest {

	/** dtc's lexical error: "Lexical error: other.dtsi:47.7-9 Bad integer literal '09'". */
	private static final Pattern DTC_PLACE = Pattern.compile("error: (\\S+?):(\\d+)\\.");

	@TempDir
	Path dir;

	@Test
	void errorsAreWhereTheyAreWrittenAndWhereDtcPlacesThem() {
		Boards boards = new Boards(dir);
		boards.write("inc.dtsi", "/ {\n\tinc;\n};\n");
		boards.write("frag.dtsi", "a;\n# 70 \"fragment-other.dtsi\"\nb;\n");
		List<Runnable> checks = new ArrayList<>();
		checks.add(() -> places(boards, "under a marker", "# 40 \"other.dtsi\"\n/ {\n\tn {\n" + "\n".repeat(7)
				+ "\t\tp = <09>; /* FAULT */\n\t};\n};\n"));
		checks.add(() -> places(boards, "past cpp's 8-line padding", "# 40 \"other.dtsi\"\n/ {\n\tn {\n" + "\n".repeat(8)
				+ "\t\tp = <09>; /* FAULT */\n\t};\n};\n"));
		checks.add(() -> places(boards, "after an #include", "# 40 \"other.dtsi\"\n#include \"inc.dtsi\"\n/ {\n\tn {\n"
				+ "\t\tp = <09>; /* FAULT */\n\t};\n};\n"));
		// cpp enters the file with a marker of its own, though its first line is close after the board's marker
		String late = "\n\n/ {\n\tm {\n\t\tq = <09>; /* FAULT */\n\t};\n};\n";
		boards.write("late.dtsi", late);
		checks.add(() -> places(boards, "in an #include", "# 40 \"other.dtsi\"\n#include \"late.dtsi\"\n", "late.dtsi",
				late));
		checks.add(() -> places(boards, "after an /include/ with a marker of its own", "/ {\n\tn {\n\t\t/include/"
				+ " \"frag.dtsi\"\n\t\tp = <09>; /* FAULT */\n\t};\n};\n"));
		List<String> failures = new ArrayList<>();
		for (Runnable check : checks) {
			try {
				check.run();
			} catch (AssertionError e) {
				failures.add(e.getMessage());
			}
		}
		assertEquals(List.of(), failures, "boards whose engine places are not the written place and dtc's");
	}

	/** The engine's error places on a board made of /dts-v1/ and {@code body}, against the written place and dtc's. */
	private void places(Boards boards, String name, String body) {
		places(boards, name, body, null, "/dts-v1/;\n" + body);
	}

	/** The same, the fault written in {@code faultFile} (null: the board), whose text is {@code faultText}. */
	private void places(Boards boards, String name, String body, String faultFile, String faultText) {
		Path board = boards.write(name.replaceAll("\\W+", "-") + ".dts", "/dts-v1/;\n" + body);
		int written = (int) faultText.substring(0, faultText.indexOf("FAULT")).chars().filter(c -> c == '\n').count() + 1;
		Matcher dtc = DTC_PLACE.matcher(Dtc.refusalWithCpp(board));
		dtc.find();
		String fault = faultFile != null ? faultFile : board.getFileName().toString();
		Set<String> expected = new TreeSet<>(List.of(fault + ":" + written,
				dir.resolve(dtc.group(1)).normalize().getFileName() + ":" + dtc.group(2)));
		Set<String> engine = new TreeSet<>();
		boards.check(board).findings().stream().filter(f -> f.severity() == Severity.ERROR)
				.forEach(f -> engine.add(f.at().file().getFileName() + ":" + f.at().line()));
		assertEquals(expected, engine, name + ": the written place and dtc's");
	}
}

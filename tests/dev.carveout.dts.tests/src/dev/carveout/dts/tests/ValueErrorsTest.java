package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/**
 * Values dtc refuses or the kernel cannot hold: each is an error at its place, never an exception or a silently
 * wrong number. Where dtc has an opinion, it is asked too, on the same file.
 */
class ValueErrorsTest {

	@TempDir
	Path dir;

	private static List<Finding> errors(CheckResult result, String text) {
		return result.findings().stream()
				.filter(f -> f.severity() == Severity.ERROR && f.message().contains(text)).toList();
	}

	@Test
	void divisionByZeroIsAnErrorWhereDtcReportsIt() {
		Boards boards = new Boards(dir);
		Path board = boards.write("div.dts", "/dts-v1/;\n/ { x = <(1/0)>;\n\ty = <(7 % (2 - 2))>;\n};\n");
		List<Finding> errors = errors(boards.check(board), "Division by zero");
		assertEquals(2, errors.size(), errors::toString);
		assertEquals(List.of("2.11", "3.8"), errors.stream().map(f -> f.at().line() + "." + f.at().column()).toList());
		String dtc = Dtc.refusal(board);
		assertTrue(dtc.contains("div.dts:2.11-14 Division by zero") && dtc.contains("div.dts:3.8-19 Division by zero"), dtc);
	}

	@Test
	void cellsCountsPastFourAreAnErrorAndTheDefaultsAreUsed() {
		Boards boards = new Boards(dir);
		Path board = boards.write("cells.dts", """
				/dts-v1/;
				/ {
					#address-cells = <0xffffffff>;
					#size-cells = <5>;
					memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x40000000>; };
				};
				""");
		CheckResult result = boards.check(board);
		List<Finding> errors = errors(result, "more than the 4 cells");
		assertEquals(List.of(3, 4), errors.stream().map(f -> f.at().line()).toList(), errors::toString);
		assertEquals(BoardChecker.RULE_INPUT, errors.get(0).ruleId());
		assertTrue(errors.get(0).message().startsWith("#address-cells = <0xffffffff>"), errors.get(0).message());
		assertNotNull(result.memoryMap());
		assertEquals(List.of(new AddressRange(0x80000000L, 0x40000000L)), result.memoryMap().memory().get(0).reg());
	}

	@Test
	void rangesEndingPast2To64AreErrorsOnTheirReg() {
		Boards boards = new Boards(dir);
		Path board = boards.write("wrap.dts", Boards.HEADER + """
					memory@fffffffffffff000 {
						device_type = "memory";
						reg = <0xffffffff 0xfffff000 0x0 0x20000>;
					};
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
						top@ffffffff00000000 { reg = <0xffffffff 0x0 0x1 0x1>; no-map; };
						fits@fffffffffff00000 { reg = <0xffffffff 0xfff00000 0x0 0x100000>; no-map; };
					};
				};
				""");
		List<Finding> errors = errors(boards.check(board), "ends past 2^64");
		assertEquals(List.of(7, 13), errors.stream().map(f -> f.at().line()).toList(), errors::toString);
		assertTrue(errors.get(0).message().contains("base 0xfffffffffffff000 + size 0x20000"), errors.get(0).message());
	}

	@Test
	void includesAndIncbinsOfWhatIsNotARegularFileSaySo() throws Exception {
		Boards boards = new Boards(dir);
		Files.createDirectories(dir.resolve("adir"));
		Path fifo = dir.resolve("fifo");
		assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
		for (String file : List.of("/dev/zero", "adir", "fifo")) {
			Path include = boards.write("include.dts", "/dts-v1/;\n/ { };\n/include/ \"" + file + "\"\n");
			List<Finding> errors = errors(boards.check(include), "not a regular file");
			assertEquals(1, errors.size(), () -> file + ": " + boards.check(include).findings());
			assertEquals(3, errors.get(0).at().line());

			Path incbin = boards.write("incbin.dts", "/dts-v1/;\n/ {\n\tblob = /incbin/(\"" + file + "\");\n};\n");
			List<Finding> incbinErrors = errors(boards.check(incbin), "not a regular file");
			assertEquals(1, incbinErrors.size(), () -> file + ": " + boards.check(incbin).findings());
			assertEquals(3, incbinErrors.get(0).at().line());
		}
		Path missing = boards.write("missing.dts", "/dts-v1/;\n/ {\n\tblob = /incbin/(\"nothing.bin\");\n};\n");
		assertEquals(1, errors(boards.check(missing), "/incbin/ file not found: nothing.bin").size());
	}

	@Test
	void aSyntaxErrorAtTheEndOfAnIncludedBodyIsOnTheFilesLastLine() {
		Boards boards = new Boards(dir);
		Path board = boards.write("board.dts", "/dts-v1/;\n/ {\n\t/include/ \"body.dtsi\"\n};\n");
		Path body = boards.write("body.dtsi", "a = <1>;\nnode {\n\tb = <2>;\n");
		List<Finding> syntax = Boards.byRule(boards.check(board), BoardChecker.RULE_SYNTAX).stream()
				.filter(f -> f.at().file().equals(body)).toList();
		assertTrue(!syntax.isEmpty(), "the missing '}' is reported");
		for (Finding error : syntax) {
			assertTrue(error.at().line() <= 4, error::toString);
		}
	}
}

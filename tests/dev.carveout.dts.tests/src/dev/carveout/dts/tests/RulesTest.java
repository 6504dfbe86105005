package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.memmap.DynamicPlacement;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.KernelVersion;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.rules.Rule;
import dev.carveout.memmap.rules.Rules;

/** Each rule both ways: a region the kernel mishandles is flagged, its corrected twin is not. */
class RulesTest {

	@TempDir
	Path dir;

	private List<Finding> findings(String rule, String children) {
		return findings(rule, Boards.reserved(children), CheckSettings.defaults());
	}

	private List<Finding> findings(String rule, String board, CheckSettings settings) {
		Path file = new Boards(dir).write("board.dts", board);
		CheckResult result = new BoardChecker(settings).check(file, SourceOverlay.NONE);
		assertEquals(List.of(), Boards.byRule(result, BoardChecker.RULE_SYNTAX));
		return Boards.byRule(result, rule);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"R2|`r@80000000 { reg = <0x0 0x80000000 0x0>; };`|1",
			"R2|`r@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; };`|0",
			"R2|`r { size = <0x100000>; };`|1",
			"R2|`r { size = <0x0 0x100000>; alignment = <0x100000>; };`|1",
			"R2|`r { size = <0x0 0x100000>; alignment = <0x0 0x100000>; alloc-ranges = <0x0 0x0 0x1>; };`|1",
			"R2|`r { size = <0x0 0x100000>; alignment = <0x0 0x100000>; alloc-ranges = <0x0 0x0 0x0 0x1000000>; };`|0",
			"R3|`r@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; size = <0x0 0x100000>; };`|1",
			"R3|`r { no-map; };`|1",
			"R3|`r { size = <0x0 0x100000>; };`|0",
			"R4|`r@80000000 { reg = <0x0 0x80000000 0x0 0x100000>, <0x0 0x90000000 0x0 0x100000>; };`|1",
			"R4|`r@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; };`|0",
			"R5|`r@80000000 { reg = <0x0 0x80000000 0x0 0x0>; };`|1",
			"R5|`r { size = <0x0 0x0>; };`|1",
			"R5|`r { size = <0x0 0x1000>; };`|0",
			"R6|`r@80000000 { compatible = \"shared-dma-pool\"; reg = <0x0 0x80000000 0x0 0x400000>; no-map; reusable; };`|1",
			"R6|`r@80000000 { compatible = \"restricted-dma-pool\"; reg = <0x0 0x80000000 0x0 0x400000>; linux,dma-default; };`|1",
			"R6|`r@80000000 { compatible = \"restricted-dma-pool\"; reg = <0x0 0x80000000 0x0 0x400000>; };`|0",
			"R6|`r@80000000 { compatible = \"shared-dma-pool\"; reg = <0x0 0x80000000 0x0 0x400000>; reusable; };`|0",
			"R7|`r@80100000 { compatible = \"shared-dma-pool\"; reg = <0x0 0x80100000 0x0 0x400000>; reusable; };`|1",
			"R7|`r@80200000 { compatible = \"shared-dma-pool\"; reg = <0x0 0x80200000 0x0 0x400000>; reusable; };`|0",
			"R7|`r { compatible = \"shared-dma-pool\"; size = <0x0 0x300000>; reusable; };`|1",
			"R7|`r { compatible = \"shared-dma-pool\"; size = <0x0 0x300000>; };`|0",
			"R8|`a@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; }; b@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; };`|1",
			"R8|`a@80000000 { reg = <0x0 0x80000000 0x0 0x200000>, <0x0 0x80100000 0x0 0x100000>; };`|1",
			"R8|`a@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; }; b@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; };`|0",
			"R10|`a { compatible = \"shared-dma-pool\"; size = <0x0 0x400000>; reusable; linux,cma-default; }; b { compatible = \"shared-dma-pool\"; size = <0x0 0x400000>; reusable; linux,cma-default; };`|1",
			"R10|`a { compatible = \"shared-dma-pool\"; size = <0x0 0x400000>; linux,cma-default; };`|1",
			"R10|`a { compatible = \"shared-dma-pool\"; size = <0x0 0x400000>; reusable; linux,cma-default; };`|0",
			"R13|`a@80080000 { reg = <0x0 0x80080000 0x0 0x100000>; };`|1",
			"R13|`a@80000000 { reg = <0x0 0x80000000 0x0 0x180000>; };`|1",
			"R13|`a@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; };`|0" })
	void ruleFlagsWhatTheKernelMishandlesAndNothingElse(String rule, String children, int expected) {
		List<Finding> found = findings(rule, children);
		assertEquals(expected, found.size(), found.toString());
		found.forEach(f -> assertTrue(f.nodePath().startsWith("/reserved-memory/"), f.toString()));
	}

	@Test
	void cmaAlignmentFollowsTheKernelProfile() {
		String twoMiB = "r@80200000 { compatible = \"shared-dma-pool\"; reg = <0x0 0x80200000 0x0 0x200000>; reusable; };";
		CheckSettings v6 = CheckSettings.defaults();
		CheckSettings v5 = v6.withProfile(new KernelProfile(4, KernelVersion.parse("5.15")));
		CheckSettings pages16k = v6.withProfile(new KernelProfile(16, KernelVersion.parse("6.12")));
		assertEquals(0, findings("R7", Boards.reserved(twoMiB), v6).size(), "2 MiB suffices from 5.19 on with 4K pages");
		assertEquals(1, findings("R7", Boards.reserved(twoMiB), v5).size(), "4 MiB before 5.19");
		Finding f = findings("R7", Boards.reserved(twoMiB), pages16k).get(0);
		assertTrue(f.message().contains("32 MiB"), f.message());
	}

	@Test
	void reservedMemoryWithOtherCellsIsIgnoredWhole() {
		String board = Boards.HEADER + """
					reserved-memory {
						#address-cells = <1>;
						#size-cells = <1>;
						ranges;
						a@80000000 { reg = <0x80000000 0x200000>; };
						b@80100000 { reg = <0x80100000 0x200000>; };
					};
				};
				""";
		List<Finding> r1 = findings("R1", board, CheckSettings.defaults());
		assertEquals(1, r1.size());
		assertEquals("/reserved-memory", r1.get(0).nodePath());
		assertEquals(List.of(), findings("R8", board, CheckSettings.defaults()), "the kernel never reads its children");
		assertEquals(0, findings("R1", Boards.reserved(""), CheckSettings.defaults()).size());
	}

	@Test
	void regionsMustLieInRamUnlessRamIsAPlaceholder() {
		String memory = "memory@80000000 { device_type = \"memory\"; reg = <0x0 0x80000000 0x0 %s>; };\n";
		String outside = "a@c0000000 { reg = <0x0 0xc0000000 0x0 0x100000>; };";
		String board = Boards.reserved(outside).replace("\treserved-memory {", "\t" + memory.formatted("0x40000000") + "\treserved-memory {");
		assertEquals(1, findings("R11", board, CheckSettings.defaults()).size());
		String placeholder = Boards.reserved(outside).replace("\treserved-memory {", "\t" + memory.formatted("0x0") + "\treserved-memory {");
		assertEquals(0, findings("R11", placeholder, CheckSettings.defaults()).size());
	}

	@Test
	void memoryRegionMustPointToALiveCarveOut() {
		String board = Boards.HEADER + """
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
						fw: fw@80000000 { reg = <0x0 0x80000000 0x0 0x100000>; };
						off: off@80100000 { reg = <0x0 0x80100000 0x0 0x100000>; status = "disabled"; };
					};
					stray: stray { };
					dsp { memory-region = <&fw>, <&off>, <&stray>; };
				};
				""";
		List<Finding> r14 = findings("R14", board, CheckSettings.defaults());
		assertEquals(2, r14.size(), r14.toString());
		assertTrue(r14.get(0).message().contains("disabled"));
		assertTrue(r14.get(1).message().contains("not a child of /reserved-memory"));
		assertEquals("/dsp", r14.get(0).nodePath());
	}

	/** 16 MiB of RAM at 0x80000000 whose first 12 MiB are a static carve-out. */
	private static String withRam(String dynamic) {
		return Boards.HEADER + """
					memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x1000000>; };
					reserved-memory {
						#address-cells = <2>;
						#size-cells = <2>;
						ranges;
						fw@80000000 { reg = <0x0 0x80000000 0x0 0xc00000>; no-map; };
				""" + dynamic + """
					};
				};
				""";
	}

	@Test
	void dynamicRegionsArePlacedTopDownInFreeRamOrFlagged() {
		MemoryMap fits = new BoardChecker(CheckSettings.defaults()).check(new Boards(dir).write("fits.dts", withRam("""
						pool { compatible = "shared-dma-pool"; reusable; size = <0x0 0x200000>; };
						low { size = <0x0 0x100000>; alloc-ranges = <0x0 0x80c00000 0x0 0x200000>; };
				""")), SourceOverlay.NONE).memoryMap();
		List<DynamicPlacement.Placement> placements = DynamicPlacement.place(fits, KernelProfile.DEFAULT);
		assertEquals(0x80e00000L, placements.get(0).range().base(), "top of RAM, 2 MiB aligned for CMA");
		assertEquals(0x200000L, placements.get(0).alignment());
		assertEquals(0x80d00000L, placements.get(1).range().base(), "top of its alloc-range");
		assertEquals(List.of(), findings("R9", withRam(""), CheckSettings.defaults()));

		List<Finding> tooBig = findings("R9", withRam("big { size = <0x0 0x800000>; };"), CheckSettings.defaults());
		assertEquals(1, tooBig.size());
		assertTrue(tooBig.get(0).message().contains("failed to allocate memory for node 'big'"), tooBig.get(0).message());
	}

	@Test
	void everyRuleHasAnIdANameACitationAndIsListedOnce() {
		assertEquals(Rules.ALL.size(), Rules.ALL.stream().map(Rule::id).distinct().count());
		for (Rule rule : Rules.ALL) {
			assertTrue(rule.id().matches("R\\d+"), rule.id());
			assertTrue(rule.name().matches("[a-z0-9_]+"), rule.name());
			assertTrue(rule.citation().length() > 20, rule.id());
			assertTrue(rule.defaultSeverity() != Severity.OFF, rule.id());
		}
	}
}

package dev.carveout.target.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.carveout.target.ReservedMemLogLine;

/** The parser of the kernel's per-region /reserved-memory boot line, on its own. */
class ReservedMemLogLineTest {

	@Test
	void parsesTheQualcommExampleLine() {
		ReservedMemLogLine line = ReservedMemLogLine.parse(
				"OF: reserved mem: 0x0000000081800000..0x00000000835fffff (30720 KiB) nomap non-reusable cdsp-secure-heap@81800000")
				.orElseThrow();
		assertEquals(0x81800000L, line.base());
		assertEquals(0x835fffffL, line.last());
		assertEquals(30720, line.sizeKiB());
		assertEquals(30720L * 1024, line.size(), "bounds and printed size agree");
		assertTrue(line.noMap());
		assertFalse(line.reusable());
		assertEquals("cdsp-secure-heap@81800000", line.name());
	}

	@Test
	void parsesACmaPoolAsDmesgPrintsIt() {
		ReservedMemLogLine line = ReservedMemLogLine
				.parse("[    0.000000] OF: reserved mem: 0x000000005e000000..0x000000005fffffff (32768 KiB) map reusable linux,cma")
				.orElseThrow();
		assertEquals(0x5e000000L, line.base());
		assertEquals(32L << 20, line.size());
		assertFalse(line.noMap());
		assertTrue(line.reusable());
		assertEquals("linux,cma", line.name());
	}

	@Test
	void ignoresTheKernelsOtherReservedMemoryMessages() {
		for (String other : List.of("OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool",
				"OF: reserved mem: OVERLAP DETECTED!",
				"OF: reserved mem: node misaligned-cma@50110000 compatible matching fail",
				"Reserved memory: created CMA memory pool at 0x000000005e000000, size 32 MiB", "")) {
			assertEquals(Optional.empty(), ReservedMemLogLine.parse(other), other);
		}
	}

	@Test
	void findsEveryRegionLineOfALogInOrder() {
		String log = """
				[    0.000000] Machine model: linux,dummy-virt
				[    0.000000] OF: reserved mem: 0x0000000050000000..0x00000000500fffff (1024 KiB) nomap non-reusable fw@50000000
				[    0.000000] Reserved memory: created CMA memory pool at 0x000000005e000000, size 32 MiB
				[    0.000000] OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool
				[    0.000000] OF: reserved mem: 0x000000005e000000..0x000000005fffffff (32768 KiB) map reusable linux,cma
				""";
		List<ReservedMemLogLine> lines = ReservedMemLogLine.parseAll(log);
		assertEquals(List.of("fw@50000000", "linux,cma"), lines.stream().map(ReservedMemLogLine::name).toList());
		assertEquals("0x0000000050000000..0x00000000500fffff (1024 KiB) nomap non-reusable fw@50000000",
				lines.getFirst().toString(), "prints back as the kernel does");
	}

	@Test
	void readsAddressesAboveFourGigabytesAndTheTopOfTheAddressSpace() {
		ReservedMemLogLine high = ReservedMemLogLine
				.parse("OF: reserved mem: 0xffffffffffe00000..0xffffffffffffffff (2048 KiB) nomap non-reusable top")
				.orElseThrow();
		assertEquals(0xffffffffffe00000L, high.base());
		assertEquals(2L << 20, high.size());
	}
}

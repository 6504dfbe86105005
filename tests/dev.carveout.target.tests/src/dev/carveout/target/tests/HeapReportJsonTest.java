package dev.carveout.target.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.target.heaps.HeapReport;
import dev.carveout.target.heaps.HeapReportJson;
import dev.carveout.target.heaps.ProbeBinary;
import dev.carveout.target.heaps.ProbeException;

/** The probe's JSON, both ways, and what the reader does with output that is not it. */
class HeapReportJsonTest {

	@Test
	void aReportSurvivesTheRoundTripIncludingNamesThatNeedEscaping() throws Exception {
		HeapReport report = new HeapReport(HeapReportJson.PROBE, HeapReportJson.FORMAT, "6.12.117-carveout", "aarch64", 4096,
				64L << 20, 49152L, 48768L,
				List.of(new HeapReport.CmaArea("linux,cma", Map.of("alloc_pages_success", 96L), Map.of("count", 8192L, "used", 96L))),
				null,
				List.of(new HeapReport.Heap("odd \"name\" \\ \u0001", null, null, List.of(
						new HeapReport.Allocation(4096, true, null, null, null, 10L, 20L, 30L, 40L, 50L, null),
						new HeapReport.Allocation(67108864, false, "alloc", "ENOMEM", "Cannot allocate memory", 7L, null, null, null, null, null))),
						new HeapReport.Heap("system", "EACCES", "Permission denied", List.of())));
		String json = HeapReportJson.toJson(report);
		assertTrue(json.contains("\"cma_total_kib\":49152") && json.contains("\"failed_step\":\"alloc\""), json);
		assertEquals(report, HeapReportJson.parse(json));
	}

	@Test
	void readsWhatTheBuiltX86ProbePrintsOnThisMachine(@TempDir Path tmp) throws Exception {
		// The real program, run here: whatever this host has in /dev/dma_heap, the reader must take its output.
		ProbeBinary binary = ProbeBinary.forMachine("x86_64");
		Path exe = tmp.resolve("carveout-heap-probe");
		Files.write(exe, binary.content());
		exe.toFile().setExecutable(true);
		Process p = new ProcessBuilder(exe.toString(), "--max", "65536").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), out);

		HeapReport report = HeapReportJson.parse(out);
		assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(), report.kernelRelease());
		assertEquals("x86_64", report.machine());
		assertEquals(65536, report.maxSize());
		if (Files.isDirectory(Path.of("/dev/dma_heap"))) {
			assertNull(report.heapDirErrno());
		} else {
			assertEquals("ENOENT", report.heapDirErrno());
			assertEquals(List.of(), report.heaps());
		}
		assertEquals(report, HeapReportJson.parse(HeapReportJson.toJson(report)));
	}

	@Test
	void theProbeRejectsBadArguments(@TempDir Path tmp) throws IOException, InterruptedException {
		Path exe = tmp.resolve("carveout-heap-probe");
		Files.write(exe, ProbeBinary.forMachine("x86_64").content());
		exe.toFile().setExecutable(true);
		Process p = new ProcessBuilder(exe.toString(), "--heap", "../etc").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		assertEquals(2, p.exitValue());
		assertTrue(out.contains("--heap needs a heap name, not a path"), out);
	}

	@Test
	void outputThatIsNotTheProbesIsRefusedWithWhatCameInstead() {
		ProbeException notJson = assertThrows(ProbeException.class, () -> HeapReportJson.parse("sh: carveout: not found"));
		assertTrue(notJson.getMessage().contains("not valid JSON") && notJson.getMessage().endsWith("sh: carveout: not found"),
				notJson.getMessage());
		ProbeException other = assertThrows(ProbeException.class, () -> HeapReportJson.parse("{\"probe\":\"something-else\"}"));
		assertTrue(other.getMessage().startsWith("Not the output of carveout-heap-probe"), other.getMessage());
		ProbeException empty = assertThrows(ProbeException.class, () -> HeapReportJson.parse(""));
		assertTrue(empty.getMessage().contains("(nothing)"), empty.getMessage());
		ProbeException newer = assertThrows(ProbeException.class,
				() -> HeapReportJson.parse("{\"probe\":\"carveout-heap-probe\",\"format\":2}"));
		assertEquals("carveout-heap-probe wrote format 2, this Carveout reads format 1", newer.getMessage());
	}

	@Test
	void picksTheBinaryForEachMachineUnameNames() throws Exception {
		assertEquals("aarch64", ProbeBinary.forMachine("aarch64\n").arch());
		assertEquals("armhf", ProbeBinary.forMachine("armv7l").arch());
		assertEquals("x86_64", ProbeBinary.forMachine("x86_64").arch());
		// Each one an ELF of its own machine (e_machine: 183 AArch64, 40 ARM, 62 x86-64).
		assertEquals(183, elfMachine(ProbeBinary.forMachine("aarch64").content()));
		assertEquals(40, elfMachine(ProbeBinary.forMachine("armv7l").content()));
		assertEquals(62, elfMachine(ProbeBinary.forMachine("x86_64").content()));
		ProbeException riscv = assertThrows(ProbeException.class, () -> ProbeBinary.forMachine("riscv64"));
		assertTrue(riscv.getMessage().startsWith("No heap probe for a 'riscv64' board"), riscv.getMessage());
	}

	private static int elfMachine(byte[] elf) {
		assertEquals(0x7f, elf[0]);
		assertEquals('E', elf[1]);
		return (elf[18] & 0xff) | (elf[19] & 0xff) << 8;
	}
}

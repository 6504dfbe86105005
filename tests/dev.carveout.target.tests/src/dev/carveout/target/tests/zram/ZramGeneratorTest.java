package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.carveout.zram.ConfigFile;
import dev.carveout.zram.ConfigSet;
import dev.carveout.zram.GeneratedDevice;
import dev.carveout.zram.ZramConfig;
import dev.carveout.zram.ZramConfigParser;
import dev.carveout.zram.ZramGenerator;

/** What zram-generator creates from a configuration set on a board: ram, the command line, set!, the merge. */
class ZramGeneratorTest {

	private static final long MEMTOTAL_782 = 801_322;

	private static ZramGenerator.Result run(String text, long memTotalKiB, String cmdline) {
		return ZramGenerator.run(new ZramConfigParser().parse(text), memTotalKiB, cmdline, v -> null);
	}

	private static List<String> names(ZramGenerator.Result result) {
		return result.devices().stream().map(GeneratedDevice::name).toList();
	}

	@Test
	void ramIsMemTotalInWholeMiB() {
		assertEquals(782, ZramGenerator.ramMiB(MEMTOTAL_782));
		GeneratedDevice zram0 = run("[zram0]\n", MEMTOTAL_782, "").devices().getFirst();
		assertEquals(409_993_216L, zram0.disksize(), "391 MiB: half of 782");
		assertEquals(List.of("zram0"), names(run("[zram0]\nhost-memory-limit = 782\n", MEMTOTAL_782, "")),
				"a limit equal to ram keeps the device");
		ZramGenerator.Result over = run("[zram0]\nhost-memory-limit = 781\n", MEMTOTAL_782, "");
		assertEquals(List.of(), names(over));
		assertEquals(List.of("zram0 is not created: MemTotal 782 MiB is above host-memory-limit 781 MiB"), over.notes());
	}

	@Test
	void sizesAreTruncatedToBytesAndZeroDropsTheDevice() {
		assertEquals(1000L * 1024 * 1024, run("[zram0]\nzram-size = 1000\n", MEMTOTAL_782, "").devices().getFirst().disksize());
		assertEquals(1048, run("[zram0]\nzram-size = 1m\n", MEMTOTAL_782, "").devices().getFirst().disksize(),
				"0.001 MiB is 1048.576 bytes, truncated");
		assertEquals(List.of(), names(run("[zram0]\nzram-size = 1n\n", MEMTOTAL_782, "")), "below a byte: size 0, no device");
		assertEquals(Long.MAX_VALUE, run("[zram0]\nzram-size = ram / 0\n", MEMTOTAL_782, "").devices().getFirst().disksize(),
				"+inf is accepted by zram-generator (and refused by the kernel)");
		ZramGenerator.Result nan = run("[zram0]\nzram-size = 0 / 0\n[zram1]\n", MEMTOTAL_782, "");
		assertEquals(List.of(), names(nan), "NaN fails the whole generator");
		assertEquals("zram0: zram-size=NaN < 0 (zram-size = 0 / 0, ram = 782)", nan.errors().getFirst().message());
		assertEquals(List.of("zram0: zram-resident-limit=-782.0 < 0 (zram-resident-limit = -ram, ram = 782)"),
				run("[zram0]\nzram-resident-limit = -ram\n", MEMTOTAL_782, "").errors().stream().map(d -> d.message()).toList());
	}

	@Test
	void theKernelCommandLineDisablesOrAddsZram0() {
		assertEquals(List.of(), names(run("[zram0]\n[zram1]\n", MEMTOTAL_782, "ro quiet systemd.zram=0")));
		assertEquals(List.of("zram0"), names(run("", MEMTOTAL_782, "systemd.zram")));
		assertEquals(List.of("zram0"), names(run("", MEMTOTAL_782, "systemd.zram=0 systemd.zram=1")), "the last one wins");
		assertEquals(List.of("zram0", "zram1"), names(run("[zram1]\n", MEMTOTAL_782, "systemd.zram=on")));
		assertEquals(50 * 1024 * 1024L, run("[zram0]\nzram-size = 50\n", MEMTOTAL_782, "systemd.zram").devices().getFirst()
				.disksize(), "the configuration's zram0 wins over the default");
		assertEquals(List.of(), names(run("", MEMTOTAL_782, "systemd.zramx=1")));
		assertEquals(Optional.of(true), ZramGenerator.kernelOption("systemd.zram=yes"));
		assertEquals(Optional.of(false), ZramGenerator.kernelOption("systemd.zram=1 systemd.zram=off"));
		assertEquals(List.of(), run("[zram0]\nswap-priority = x\n", MEMTOTAL_782, "systemd.zram=0").errors(),
				"disabled before the files are read: their errors do not matter");
	}

	@Test
	void setVariablesAreEvaluatedInOrderWithRamAndEachOther() {
		ZramConfig config = new ZramConfigParser().parse("""
				set!ratio = echo 0.25
				set!cap = echo 'ratio * 1000'
				[zram0]
				zram-size = min(ram * ratio, cap)
				""");
		Map<String, String> printed = Map.of("echo 0.25", "0.25\n", "echo 'ratio * 1000'", "ratio * 1000\n");
		ZramGenerator.Result result = ZramGenerator.run(config, MEMTOTAL_782, "", v -> printed.get(v.command()));
		assertEquals(List.of(), result.errors());
		assertEquals((long) (195.5 * 1024 * 1024), result.devices().getFirst().disksize());
		ZramGenerator.Result notANumber = ZramGenerator.run(config, MEMTOTAL_782, "", v -> "oops");
		assertEquals(List.of(), names(notANumber));
		assertTrue(notANumber.errors().getFirst().message().startsWith("set!ratio: echo 0.25: 'oops' is not a size"),
				notANumber.errors().getFirst().message());
	}

	@Test
	void aSetIsReadInZramGeneratorsOrderAndLaterKeysWin() {
		List<ConfigFile> files = List.of(
				new ConfigFile("/etc/systemd/zram-generator.conf.d/20-late.conf", "[zram0]\nswap-priority = 20\n"),
				new ConfigFile("/usr/lib/systemd/zram-generator.conf.d/20-late.conf", "[zram0]\nswap-priority = 99\n"),
				new ConfigFile("/usr/lib/systemd/zram-generator.conf.d/10-early.conf", "[zram0]\nswap-priority = 10\n[zram1]\n"),
				new ConfigFile("/usr/lib/systemd/zram-generator.conf", "[zram0]\nzram-size = 5\nswap-priority = 1\n[zram3]\n"),
				new ConfigFile("/etc/systemd/zram-generator.conf", "[zram0]\nzram-size = 7\nswap-priority = 2\n"),
				new ConfigFile("/etc/systemd/zram-generator.conf.d/30.txt", "[zram2]\n"),
				new ConfigFile("/etc/systemd/zram-generator.conf.d/sub/40.conf", "[zram2]\n"));
		assertEquals(List.of("/etc/systemd/zram-generator.conf", "/usr/lib/systemd/zram-generator.conf.d/10-early.conf",
				"/etc/systemd/zram-generator.conf.d/20-late.conf"),
				ConfigSet.order(files).stream().map(ConfigFile::path).toList(),
				"one main file (the highest), then drop-ins by name, /etc's replacing /usr/lib's");
		ZramConfig config = new ZramConfigParser().parse(files);
		assertEquals(List.of("zram0", "zram1"), config.devices().stream().map(d -> d.name()).toList(),
				"the lower main file is not read at all");
		assertEquals(20, config.devices().getFirst().swapPriority());
		assertEquals("7", config.devices().getFirst().size().source());
		ZramConfig broken = new ZramConfigParser().parse(List.of(
				new ConfigFile("/etc/systemd/zram-generator.conf", "[zram0]\n"),
				new ConfigFile("/run/systemd/zram-generator.conf.d/50-x.conf", "[zram0]\nswap-priority = x\n")));
		assertEquals("/run/systemd/zram-generator.conf.d/50-x.conf:2:17: error: Failed to parse priority \"x\"",
				broken.errors().getFirst().toString(), "each finding names its own file and line");
	}
}

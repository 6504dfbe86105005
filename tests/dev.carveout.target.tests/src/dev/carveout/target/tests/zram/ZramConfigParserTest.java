package dev.carveout.target.tests.zram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.carveout.zram.Algorithm;
import dev.carveout.zram.GeneratorVersion;
import dev.carveout.zram.SetVariable;
import dev.carveout.zram.DeviceConfig;
import dev.carveout.zram.Diagnostic;
import dev.carveout.zram.ZramConfig;
import dev.carveout.zram.ZramConfigFiles;
import dev.carveout.zram.ZramConfigParser;

/** zram-generator.conf read into devices, and every kind of mistake placed at its line and column. */
class ZramConfigParserTest {

	private static List<String> diagnostics(String text) {
		return new ZramConfigParser().parse(text).diagnostics().stream().map(Diagnostic::toString).toList();
	}

	@Test
	void readsEveryKeyAndFillsZramGeneratorsDefaults() throws Exception {
		ZramConfig config = new ZramConfigParser().parse("""
				# comment
				; another
				[zram1]
				zram-size = ram / 4
				host-memory-limit = 8192
				compression-algorithm = zstd(level=7) lz4 lzo-rle(level=1,dict=/etc/d) (type=idle)
				swap-priority = -1
				zram-resident-limit = ram / 16
				writeback-device = /dev/disk/by-partuuid/2d54ffa0-01
				options = discard,nofail

				[zram0]
				""");
		assertEquals(List.of("6:72: warning: the global recompression parameters (type=idle) are for recompress, which "
				+ "Carveout does not run: not deployed"), config.diagnostics().stream().map(Diagnostic::toString).toList());
		assertEquals(List.of("zram0", "zram1"), config.devices().stream().map(DeviceConfig::name).toList());
		DeviceConfig zram0 = config.devices().get(0);
		assertEquals("min(ram / 2, 4096)", zram0.size().source());
		assertEquals(100, zram0.swapPriority());
		assertEquals(List.of(), zram0.algorithms());
		assertEquals("discard", zram0.options());
		assertEquals(0, zram0.residentLimit().evaluate(1024));
		assertTrue(zram0.isSwap());
		DeviceConfig zram1 = config.devices().get(1);
		assertEquals(256, zram1.size().evaluate(1024));
		assertEquals(Optional.of(8192L), zram1.hostMemoryLimitMiB());
		assertEquals(List.of(new Algorithm("zstd", "level=7"), new Algorithm("lz4", ""),
				new Algorithm("lzo-rle", "level=1 dict=/etc/d")), zram1.algorithms());
		assertEquals("type=idle", zram1.recompressionParams());
		assertEquals(-1, zram1.swapPriority());
		assertEquals(64, zram1.residentLimit().evaluate(1024));
		assertEquals(Optional.of("/dev/disk/by-partuuid/2d54ffa0-01"), zram1.writebackDevice());
		assertEquals("discard,nofail", zram1.options());
	}

	@Test
	void whatZramGeneratorRefusesIsAnErrorWithItsReason() {
		assertEquals(List.of(
				"3:20: error: bad expression in zram-size: unexpected 'x'",
				"4:17: error: Swap priority 40000 out of range (-1 to 32767)",
				"5:21: error: Failed to parse optional size \"-5\" (a number of MiB or none)",
				"6:20: error: writeback-device \"/dev/../sda\" is not normalized",
				"7:15: error: mount-point run/x is not absolute",
				"8:17: error: Failed to parse priority \"high\""),
				diagnostics("""
						[zram0]
						swap-priorty = 5
						zram-size = ram / 2x
						swap-priority = 40000
						host-memory-limit = -5
						writeback-device = /dev/../sda
						mount-point = run/x
						swap-priority = high
						""").stream().filter(d -> d.contains("error")).toList());
	}

	@Test
	void whatZramGeneratorAcceptsIsNotRefused() throws Exception {
		ZramConfig config = new ZramConfigParser().parse("""
				[zram0]
				zram-size = 1k
				mount-point = /mnt/żółw $(reboot)
				options = x-systemd.opt='a;b'
				writeback-device = //dev/./vdb
				compression-algorithm = lz4(level=1;reboot)
				fs-type = ext4
				""");
		assertEquals(List.of(), config.errors());
		DeviceConfig zram0 = config.devices().getFirst();
		assertEquals(1000, zram0.size().evaluate(0), "k is a thousand, as in fasteval");
		assertEquals(Optional.of("/mnt/żółw $(reboot)"), zram0.mountPoint());
		assertEquals("x-systemd.opt='a;b'", zram0.options());
		assertEquals(Optional.of("/dev/vdb"), zram0.writebackDevice(), "normalised as zram-generator does");
		assertEquals(List.of(new Algorithm("lz4", "level=1;reboot")), zram0.algorithms());
	}

	@Test
	void whatZramGeneratorIgnoresIsAWarning() throws Exception {
		assertEquals(List.of("1:1: warning: 'zram-size' is outside a [zramN] section and is ignored",
				"2:1: warning: section [swap] is ignored: zram-generator reads only [zramN] sections",
				"5:1: warning: zram-fraction is obsolete: write zram-size = ram * 0.25",
				"6:1: warning: zram0: unknown key 'swap-priorty', ignored by zram-generator 1.2.0 (it knows compression-algorithm, "
						+ "fs-type, host-memory-limit, max-zram-size, memory-limit, mount-point, options, swap-priority, "
						+ "writeback-device, zram-fraction, zram-resident-limit, zram-size)",
				"7:25: warning: unknown compression algorithm 'lz5' (zram knows 842, deflate, lz4, lz4hc, lzo, lzo-rle, zstd): "
						+ "the kernel will refuse it and keep its default"),
				diagnostics("zram-size = 5\n[swap]\nfoo = bar\n[zram0]\nzram-fraction = 0.25\nswap-priorty = 5\n"
						+ "compression-algorithm = lz5\n"));
		ZramConfig obsolete = new ZramConfigParser().parse("[zram0]\nzram-fraction = 0.25\nmax-zram-size = 100\n");
		assertEquals(100, obsolete.devices().getFirst().size().evaluate(1024), "capped by max-zram-size");
		assertEquals(64, obsolete.devices().getFirst().size().evaluate(256));
		ZramConfig uncapped = new ZramConfigParser().parse("[zram0]\nzram-fraction = 2\n");
		assertEquals(20000, uncapped.devices().getFirst().size().evaluate(10000), "zram-fraction alone has no 4096 cap");
		assertEquals(50, new ZramConfigParser().parse("[zram0]\nzram-fraction = 0.5\n").devices().getFirst().size().evaluate(101),
				"ram times the fraction, truncated to whole MiB");
	}

	@Test
	void theVersionDecidesTheKeys() {
		String text = "set!half = echo 0.5\n[zram0]\nzram-resident-limit = 5\ncompression-algorithm = zstd lz4\n";
		ZramConfig newest = new ZramConfigParser(null, GeneratorVersion.V1_2_0).parse(text);
		assertEquals(List.of(new SetVariable("half", "echo 0.5", "", 1)), newest.variables());
		assertEquals(List.of(), newest.diagnostics());
		ZramConfig bookworm = new ZramConfigParser(null, GeneratorVersion.V1_1_2).parse(text);
		assertEquals(List.of(), bookworm.variables());
		assertEquals(List.of(), bookworm.devices().getFirst().algorithms());
		assertEquals(List.of("1:1: warning: zram-generator 1.1.2 has no set! variables: 'set!half' is ignored (they came "
				+ "with 1.2.0)", "3:1: warning: zram0: unknown key 'zram-resident-limit', ignored by zram-generator 1.1.2 "
						+ "(it knows compression-algorithm, fs-type, host-memory-limit, max-zram-size, memory-limit, "
						+ "mount-point, options, swap-priority, writeback-device, zram-fraction, zram-size)",
				"4:25: warning: zram-generator 1.1.2 writes the whole value to comp_algorithm: the kernel refuses 'zstd lz4' "
						+ "and keeps its default algorithm (lists and parameters came with 1.2.0)"),
				bookworm.diagnostics().stream().map(Diagnostic::toString).toList());
		assertEquals(GeneratorVersion.V1_1_2, GeneratorVersion.of("zram-generator 1.1.2").orElseThrow());
		assertEquals(GeneratorVersion.V1_1_2, GeneratorVersion.of("1.1.9").orElseThrow());
		assertEquals(GeneratorVersion.V1_2_0, GeneratorVersion.of("zram-generator 1.2.1").orElseThrow());
		assertEquals(GeneratorVersion.V1_1_2, GeneratorVersion.of("0.3.2").orElseThrow(), "older than known: the oldest");
		assertEquals(Optional.empty(), GeneratorVersion.of(""));
	}

	@Test
	void anAlgorithmTheBoardDoesNotListIsAnErrorOnceTheBoardIsKnown() {
		String text = "[zram0]\ncompression-algorithm = zstd deflate\n";
		assertFalse(new ZramConfigParser().parse(text).hasErrors());
		assertEquals(List.of("2:30: error: compression algorithm 'deflate' is not available on this board (its "
				+ "comp_algorithm lists lz4 lzo zstd)"),
				new ZramConfigParser(Set.of("lzo", "lz4", "zstd")).parse(text).diagnostics().stream().map(Diagnostic::toString).toList());
	}

	@Test
	void zramConfigFilesByName() {
		assertTrue(ZramConfigFiles.isZramConfig("/p/etc/systemd/zram-generator.conf"));
		assertTrue(ZramConfigFiles.isZramConfig("/p/board-a.zram.conf"));
		assertTrue(ZramConfigFiles.isZramConfig("/p/zram-generator.conf.d/10-swap.conf"));
		assertFalse(ZramConfigFiles.isZramConfig("/p/zram.conf"));
		assertFalse(ZramConfigFiles.isZramConfig("/p/zram-generator.conf.d/readme.txt"));
		assertFalse(ZramConfigFiles.isZramConfig("/p/other.d/10-swap.conf"));
	}
}

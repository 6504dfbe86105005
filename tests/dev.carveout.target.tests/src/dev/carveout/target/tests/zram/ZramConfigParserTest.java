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
	void readsEveryKeyAndFillsZramGeneratorsDefaults() {
		ZramConfig config = new ZramConfigParser().parse("""
				# comment
				; another
				[zram1]
				zram-size = ram / 4
				host-memory-limit = 8192
				compression-algorithm = zstd(level=7) lz4 lzo-rle(level=1,dict=/etc/d)
				swap-priority = -1
				zram-resident-limit = ram / 16
				writeback-device = /dev/disk/by-partuuid/2d54ffa0-01
				options = discard,nofail

				[zram0]
				""");
		assertEquals(List.of(), config.diagnostics());
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
		assertEquals(List.of(new Algorithm("zstd", Map.of("level", "7")), new Algorithm("lz4", Map.of()),
				new Algorithm("lzo-rle", Map.of("level", "1", "dict", "/etc/d"))), zram1.algorithms());
		assertEquals("dict=/etc/d level=1", zram1.algorithms().get(2).paramsForKernel());
		assertEquals(-1, zram1.swapPriority());
		assertEquals(64, zram1.residentLimit().evaluate(1024));
		assertEquals(Optional.of("/dev/disk/by-partuuid/2d54ffa0-01"), zram1.writebackDevice());
		assertEquals("discard,nofail", zram1.options());
	}

	@Test
	void mistakesAreReportedAtTheirLineAndColumn() {
		assertEquals(List.of(
				"2:1: error: unknown key 'swap-priorty' (zram-generator.conf knows zram-size, host-memory-limit, "
						+ "compression-algorithm, swap-priority, zram-resident-limit, writeback-device, fs-type, mount-point, options)",
				"3:20: error: bad expression in zram-size: unexpected 'G' after a number (sizes are plain MiB: write 2048, not 2G)",
				"4:25: error: unknown compression algorithm 'lz5' (zram knows 842, deflate, lz4, lz4hc, lzo, lzo-rle, zstd)",
				"5:17: error: swap-priority 40000 is out of range: -1 to 32767",
				"6:21: error: host-memory-limit must be a nonnegative number of MiB or none, not '-5'",
				"7:30: error: unknown algorithm parameter 'speed' (the kernel's algorithm_params takes dict, level)"),
				diagnostics("""
						[zram0]
						swap-priorty = 5
						zram-size = ram / 2G
						compression-algorithm = lz5
						swap-priority = 40000
						host-memory-limit = -5
						compression-algorithm = zstd(speed=3)
						"""));
	}

	@Test
	void shellMetacharactersAreErrorsAtTheCharacter() {
		assertEquals(List.of("2:28: error: ';' in the value of compression-algorithm is a shell metacharacter: refused, "
				+ "nothing is sent to a board with it"), diagnostics("[zram0]\ncompression-algorithm = lz4;reboot\n"));
		assertEquals(List.of("2:13: error: '$' in the value of zram-size is a shell metacharacter: refused, nothing is "
				+ "sent to a board with it"), diagnostics("[zram0]\nzram-size = $(reboot)\n"));
		assertEquals(List.of("2:14: error: '(' in the value of fs-type is a shell metacharacter: refused, nothing is "
				+ "sent to a board with it"), diagnostics("[zram0]\nfs-type = ext(reboot)\n"));
		ZramConfig config = new ZramConfigParser().parse("[zram0]\nwriteback-device = /dev/vda`id`\n");
		assertTrue(config.hasErrors());
		assertEquals(List.of(), config.devices(), "a device with a refused value is not built at all");
		assertFalse(new ZramConfigParser().parse("[zram0]\nzram-size = min(ram * 2, 512)\n").hasErrors(),
				"'*' and parentheses are arithmetic in a size");
	}

	@Test
	void whatZramGeneratorIgnoresIsAWarning() {
		assertEquals(List.of("1:1: warning: 'zram-size' is outside a [zramN] section and is ignored",
				"2:1: warning: section [swap] is ignored: zram-generator reads only [zramN] sections",
				"5:1: warning: zram-fraction is obsolete: write zram-size = ram * 0.25"),
				diagnostics("zram-size = 5\n[swap]\nfoo = bar\n[zram0]\nzram-fraction = 0.25\n"));
		ZramConfig obsolete = new ZramConfigParser().parse("[zram0]\nzram-fraction = 0.25\nmax-zram-size = 100\n");
		assertEquals(100, obsolete.devices().getFirst().size().evaluate(1024), "capped by max-zram-size");
		assertEquals(64, obsolete.devices().getFirst().size().evaluate(256));
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

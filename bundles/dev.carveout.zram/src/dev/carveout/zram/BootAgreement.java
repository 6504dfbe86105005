package dev.carveout.zram;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a persisted deployment survives a reboot. At the next boot zram-generator reads the file the deployment
 * writes together with every other zram-generator file already on the board (a vendor's drop-in, an older drop-in of
 * the same name as one of the set's, a main file in {@code /run}); only the persisted file is written, so if those
 * files change what zram-generator creates, the board would come back from a reboot with other swaps than the ones
 * deployed. That is refused before anything changes, naming the files.
 */
public final class BootAgreement {

	private BootAgreement() {
	}

	/**
	 * @param config   the configuration being deployed (with the board's generator version)
	 * @param deployed what zram-generator creates from it on this board, i.e. what the deployment applies
	 * @return one error when the board's files at boot give other devices, else nothing
	 */
	public static List<Diagnostic> check(ZramConfig config, BoardState board, Persistence persistence,
			ZramGenerator.Result deployed) {
		if (persistence == Persistence.NONE) {
			return List.of();
		}
		List<ConfigFile> atBoot = new ArrayList<>();
		List<String> others = new ArrayList<>();
		for (ConfigFile f : board.configFiles()) {
			if (!f.path().equals(persistence.file())) {
				atBoot.add(f);
				if (ConfigSet.isRead(f.path())) {
					others.add(f.path());
				}
			}
		}
		atBoot.add(new ConfigFile(persistence.file(), String.join("\n", Persistence.render(config)) + "\n"));
		ZramConfig boot = new ZramConfigParser(board.algorithms(), config.version()).parse(atBoot);
		ZramGenerator.Result booted = ZramGenerator.run(boot, board.memTotalKiB(), board.cmdline(),
				v -> board.setOutputs().get(v.command()));
		String atBootDevices = describe(booted);
		String deployedDevices = describe(deployed);
		if (atBootDevices.equals(deployedDevices)) {
			return List.of();
		}
		String read = others.isEmpty() ? "only " + persistence.file()
				: persistence.file() + " and the board's " + String.join(", ", others);
		return List.of(new Diagnostic(Diagnostic.Severity.ERROR, 1, 1, 1, "persisting would not survive a reboot: "
				+ "zram-generator at boot reads " + read + ", and from them it would create " + atBootDevices
				+ " instead of " + deployedDevices + ". Add those files to the configuration set, or remove them from the board"));
	}

	/** Everything of the devices that a reboot could change, in one comparable line. */
	static String describe(ZramGenerator.Result result) {
		if (!result.errors().isEmpty()) {
			return "nothing (zram-generator fails: "
					+ result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("; ")) + ")";
		}
		if (result.devices().isEmpty()) {
			return "no device";
		}
		return result.devices().stream().map(BootAgreement::describe).collect(Collectors.joining("; "));
	}

	private static String describe(GeneratedDevice g) {
		DeviceConfig d = g.config();
		return d.name() + " (" + g.disksize() + " bytes, algorithm "
				+ (d.algorithms().isEmpty() ? "default" : d.algorithms().stream().map(Algorithm::toString).collect(Collectors.joining(" ")))
				+ (d.recompressionParams().isEmpty() ? "" : " (" + d.recompressionParams() + ")") + ", priority "
				+ d.swapPriority() + ", resident limit " + g.memLimit() + ", writeback " + d.writebackDevice().orElse("none")
				+ ", options '" + d.options() + "'" + (d.isSwap() ? "" : ", " + d.fsType() + d.mountPoint().map(m -> " at " + m).orElse(""))
				+ ")";
	}
}

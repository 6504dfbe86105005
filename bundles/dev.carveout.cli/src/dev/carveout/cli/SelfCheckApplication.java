package dev.carveout.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;

/**
 * Proves an installation of Carveout works: starts every dev.carveout bundle and reports its state, then
 * checks a small board with a known problem. Prints one line per bundle and exits non-zero on any failure.
 */
public final class SelfCheckApplication implements IApplication {

	private static final String PROBE_BOARD = """
			/dts-v1/;
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;
					a@80000000 { reg = <0x0 0x80000000 0x0 0x200000>; no-map; };
					b@80100000 { reg = <0x0 0x80100000 0x0 0x200000>; no-map; };
				};
			};
			""";

	/** What a user finds in the IDE's menus after installing: the perspective, the two wizards and the cheat sheet. */
	private static final String[][] EXPECTED_CONTRIBUTIONS = {
			{ "org.eclipse.ui.perspectives", "dev.carveout.ui.perspective" },
			{ "org.eclipse.ui.importWizards", "dev.carveout.ui.importKernelTree" },
			{ "org.eclipse.ui.newWizards", "dev.carveout.ui.newProject" },
			{ "org.eclipse.ui.cheatsheets.cheatSheetContent", "dev.carveout.help.firstBoard" } };

	@Override
	public Object start(IApplicationContext context) throws IOException {
		Bundle self = FrameworkUtil.getBundle(getClass());
		List<Bundle> ours = Arrays.stream(self.getBundleContext().getBundles())
				.filter(b -> b.getSymbolicName().startsWith("dev.carveout.")).toList();
		int failures = 0;
		for (Bundle bundle : ours) {
			try {
				bundle.start(Bundle.START_TRANSIENT);
			} catch (BundleException e) {
				System.out.println("bundle " + bundle.getSymbolicName() + " failed to start: " + e.getMessage());
			}
			boolean active = bundle.getState() == Bundle.ACTIVE;
			failures += active ? 0 : 1;
			System.out.println("bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " " + stateName(bundle.getState()));
		}
		for (String[] expected : EXPECTED_CONTRIBUTIONS) {
			boolean there = Arrays.stream(Platform.getExtensionRegistry().getConfigurationElementsFor(expected[0]))
					.anyMatch(e -> expected[1].equals(e.getAttribute("id")));
			failures += there ? 0 : 1;
			System.out.println("contribution " + expected[0] + " " + expected[1] + (there ? " OK" : " MISSING"));
		}
		Path board = Files.createTempFile("carveout-selfcheck", ".dts");
		try {
			Files.writeString(board, PROBE_BOARD);
			CheckResult result = new BoardChecker(CheckSettings.defaults()).check(board, SourceOverlay.NONE);
			boolean found = result.findings().stream().anyMatch(f -> f.ruleId().equals("R8"));
			System.out.println("engine " + (found ? "OK" : "FAILED") + ": " + result.findings().size() + " finding(s) on the probe board");
			failures += found ? 0 : 1;
		} finally {
			Files.deleteIfExists(board);
		}
		System.out.println("selfcheck: " + ours.size() + " bundles, " + failures + " failure(s)");
		return failures == 0 ? IApplication.EXIT_OK : 1;
	}

	private static String stateName(int state) {
		return switch (state) {
			case Bundle.ACTIVE -> "ACTIVE";
			case Bundle.RESOLVED -> "RESOLVED";
			case Bundle.STARTING -> "STARTING";
			case Bundle.INSTALLED -> "INSTALLED (unresolved)";
			default -> "state " + state;
		};
	}

	@Override
	public void stop() {
		// Runs to completion.
	}
}

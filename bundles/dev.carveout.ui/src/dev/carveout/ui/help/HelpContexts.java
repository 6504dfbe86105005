package dev.carveout.ui.help;

import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.PlatformUI;

/**
 * Every F1 help context Carveout sets, one per editor, view, preference page and wizard. Each id is its plugin's id
 * and a local id that {@code contexts-ui.xml} or {@code contexts-target-ui.xml} in {@code dev.carveout.help} describes
 * with its topics (README sections); the help bundle is documents only, so the ids live here, where the code is.
 */
public final class HelpContexts {

	private static final String UI = "dev.carveout.ui.";
	private static final String TARGET_UI = "dev.carveout.target.ui.";

	public static final String EDITOR = UI + "editor";
	public static final String MEMORY_MAP_VIEW = UI + "memory_map_view";
	public static final String PREFERENCES = UI + "preferences";
	public static final String PROJECT_PROPERTIES = UI + "project_properties";
	public static final String TREE_WIZARD = UI + "tree_wizard";

	public static final String TARGETS_VIEW = TARGET_UI + "targets_view";
	public static final String HEAPS_VIEW = TARGET_UI + "heaps_view";
	public static final String TERMINAL_VIEW = TARGET_UI + "terminal_view";
	public static final String TARGETS_PREFERENCES = TARGET_UI + "targets_preferences";
	public static final String ZRAM_PREFERENCES = TARGET_UI + "zram_preferences";

	private HelpContexts() {
	}

	/** F1 on the control (or any control below it without help of its own) opens the context's help. */
	public static void set(Control control, String contextId) {
		PlatformUI.getWorkbench().getHelpSystem().setHelp(control, contextId);
	}
}

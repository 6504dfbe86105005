package dev.carveout.ui;

import org.eclipse.core.runtime.QualifiedName;

/** Ids this bundle declares in plugin.xml, for code and tests that must refer to them. */
public final class CarveoutUi {

	public static final String PLUGIN_ID = "dev.carveout.ui";
	public static final String CONTENT_TYPE_ID = PLUGIN_ID + ".dts";
	public static final String PROBLEM_MARKER = PLUGIN_ID + ".problem";
	public static final String RULE_ID_ATTRIBUTE = "ruleId";
	/** Workspace path of the board whose check made the marker: a marker on a .dtsi is fixed in that board's context. */
	public static final String BOARD_ATTRIBUTE = "board";
	public static final String EDITOR_ID = PLUGIN_ID + ".editor";
	/** The project nature whose builder checks every board of the project. */
	public static final String NATURE_ID = PLUGIN_ID + ".nature";
	/**
	 * Persistent project property set by the import and New Project wizards (the tree's folder): with the nature, what
	 * makes a project a Carveout project for the Project Explorer's Boards node, testable without loading Carveout.
	 */
	public static final QualifiedName SOURCE_TREE_PROPERTY = new QualifiedName(PLUGIN_ID, "sourceTree");

	private CarveoutUi() {
	}
}

package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.SourceRef;

/**
 * A property of the effective tree. Like dtc, a deleted property stays in its node, flagged, so that
 * defining it again puts it back where it was.
 */
public final class DtProperty {

	private final String name;
	private final List<String> labels = new ArrayList<>();
	/** Labels written inside the value ("<0 start: 0x1000>"), of its latest definition. */
	private List<String> valueLabels = List.of();
	private PropertyValue value;
	private SourceRef definedAt;
	private boolean deleted;

	DtProperty(String name, PropertyValue value, SourceRef definedAt) {
		this.name = name;
		this.value = value;
		this.definedAt = definedAt;
	}

	public String name() {
		return name;
	}

	/** The value, or null when it could not be computed (an unexpanded macro, an invalid literal). */
	public PropertyValue value() {
		return value;
	}

	public List<String> labels() {
		return labels;
	}

	/** Labels inside the value: dtc keeps them as markers of the value, which a redefinition replaces. */
	public List<String> valueLabels() {
		return valueLabels;
	}

	void setValueLabels(List<String> labelsInValue) {
		valueLabels = List.copyOf(labelsInValue);
	}

	/** The file and line that last defined this property. */
	public SourceRef definedAt() {
		return definedAt;
	}

	public boolean isDeleted() {
		return deleted;
	}

	/** Sets the value dtc's finishing passes computed (phandles filled in, paths spliced in). */
	void setValue(PropertyValue newValue) {
		value = newValue;
	}

	void redefine(PropertyValue newValue, SourceRef at, List<String> newLabels) {
		value = newValue;
		definedAt = at;
		deleted = false;
		for (String label : newLabels) {
			if (!labels.contains(label)) {
				labels.add(label);
			}
		}
	}

	void delete() {
		deleted = true;
		labels.clear();
		valueLabels = List.of();
	}
}

package dev.carveout.dts.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels of a node or property kept as dtc's livetree keeps them: a new label goes to the front of the
 * list, a deleted one stays in place, flagged, and comes back to its place when added again. The order
 * matters because /__symbols__ lists a node's labels in this order, and a list that only holds deleted
 * labels still makes -@ give the node a phandle.
 */
final class DtLabels {

	private static final class Entry {
		final String name;
		boolean deleted;

		Entry(String name) {
			this.name = name;
		}
	}

	private final List<Entry> entries = new ArrayList<>();

	/** dtc's add_label(). */
	void add(String label) {
		for (Entry e : entries) {
			if (e.name.equals(label)) {
				e.deleted = false;
				return;
			}
		}
		entries.add(0, new Entry(label));
	}

	/**
	 * Labels written on a definition, in source order. dtc's parser builds a new node's list by adding
	 * them from the last to the first, so they keep source order; merging into an existing node adds them
	 * first to last, so they end up reversed in front of the old ones.
	 */
	void addAll(List<String> labels, boolean fresh) {
		if (fresh) {
			for (int i = labels.size() - 1; i >= 0; i--) {
				add(labels.get(i));
			}
		} else {
			labels.forEach(this::add);
		}
	}

	void deleteAll() {
		entries.forEach(e -> e.deleted = true);
	}

	List<String> live() {
		List<String> live = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			if (!e.deleted) {
				live.add(e.name);
			}
		}
		return live;
	}

	/** Whether any label was ever added, deleted or not: dtc tests the list pointer, not its live entries. */
	boolean any() {
		return !entries.isEmpty();
	}

	boolean contains(String label) {
		for (Entry e : entries) {
			if (!e.deleted && e.name.equals(label)) {
				return true;
			}
		}
		return false;
	}
}

package dev.carveout.dts.fdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carveout.dts.tree.DtNode;
import dev.carveout.dts.tree.DtProperty;
import dev.carveout.dts.tree.DtTree;

/**
 * Compares a finished effective tree with the DTB dtc wrote for the same sources: /memreserve/, every node
 * path and the order of children, every property name, its place and its value byte for byte. Labels are
 * compared through /__symbols__ when both sides have one (dtc -@ and {@code finish(true)}).
 */
public final class DtbComparison {

	/** What differs; the order is roughly from causes to consequences. */
	public enum Kind {
		/** Our value could not be computed (an unexpanded macro, /incbin/). */
		NOT_COMPUTED,
		MEMRESERVE,
		NODE_MISSING,
		NODE_EXTRA,
		PROPERTY_MISSING,
		PROPERTY_EXTRA,
		CHILD_ORDER,
		PROPERTY_ORDER,
		/** Same property, other bytes. */
		VALUE,
		/** Only a phandle value differs: usually the echo of a node or label that differs elsewhere. */
		PHANDLE_VALUE
	}

	/** One difference; {@code property} is null for a node-level difference. */
	public record Difference(Kind kind, String nodePath, String property, String ours, String dtc) {

		@Override
		public String toString() {
			return nodePath + (property == null ? "" : " [" + property + "]") + ": ours " + ours + ", dtc " + dtc;
		}
	}

	static final String ABSENT = "<absent>";

	private final List<Difference> differences = new ArrayList<>();

	private DtbComparison() {
	}

	public static List<Difference> compare(DtTree ours, Fdt dtc) {
		DtbComparison comparison = new DtbComparison();
		comparison.memreserves(ours, dtc);
		comparison.node(ours.root(), dtc.root());
		return List.copyOf(comparison.differences);
	}

	private void memreserves(DtTree ours, Fdt dtc) {
		List<String> mine = ours.memreserves().stream()
				.map(m -> range(m.range().base(), m.range().size())).toList();
		List<String> theirs = dtc.memreserves().stream().map(m -> range(m.address(), m.size())).toList();
		if (!mine.equals(theirs)) {
			differences.add(new Difference(Kind.MEMRESERVE, "/memreserve/", null, mine.toString(), theirs.toString()));
		}
	}

	private static String range(long base, long size) {
		return "0x" + Long.toHexString(base) + "+0x" + Long.toHexString(size);
	}

	private void node(DtNode ours, FdtNode dtc) {
		String path = dtc.path();
		properties(path, ours, dtc);
		Map<String, DtNode> mine = new LinkedHashMap<>();
		ours.children().forEach(c -> mine.put(c.name(), c));
		Map<String, FdtNode> theirs = new LinkedHashMap<>();
		dtc.children().forEach(c -> theirs.putIfAbsent(c.name(), c));
		order(path, null, "children", List.copyOf(mine.keySet()), List.copyOf(theirs.keySet()));
		for (FdtNode child : theirs.values()) {
			DtNode match = mine.get(child.name());
			if (match == null) {
				differences.add(new Difference(Kind.NODE_MISSING, child.path(), null, "node " + ABSENT, "node present"));
			} else {
				node(match, child);
			}
		}
		for (DtNode child : mine.values()) {
			if (!theirs.containsKey(child.name())) {
				differences.add(new Difference(Kind.NODE_EXTRA, child.path(), null, "node present", "node " + ABSENT));
			}
		}
	}

	private void properties(String path, DtNode ours, FdtNode dtc) {
		Map<String, DtProperty> mine = new LinkedHashMap<>();
		ours.properties().forEach(p -> mine.put(p.name(), p));
		Map<String, FdtProperty> theirs = new LinkedHashMap<>();
		dtc.properties().forEach(p -> theirs.putIfAbsent(p.name(), p));
		for (FdtProperty property : theirs.values()) {
			DtProperty match = mine.get(property.name());
			if (match == null) {
				differences.add(new Difference(Kind.PROPERTY_MISSING, path, property.name(), ABSENT,
						ValueText.of(property.value())));
			} else if (match.value() == null) {
				differences.add(new Difference(Kind.NOT_COMPUTED, path, property.name(), "<not computed: unexpanded macro or /incbin/>",
						ValueText.of(property.value())));
			} else if (!Arrays.equals(match.value().bytes(), property.value())) {
				Kind kind = property.name().equals("phandle") || isPhandleEcho(match.value().bytes(), property.value())
						? Kind.PHANDLE_VALUE : Kind.VALUE;
				differences.add(new Difference(kind, path, property.name(), ValueText.of(match.value().bytes()),
						ValueText.of(property.value())));
			}
		}
		for (DtProperty property : mine.values()) {
			if (!theirs.containsKey(property.name())) {
				differences.add(new Difference(Kind.PROPERTY_EXTRA, path, property.name(),
						property.value() == null ? "<not computed>" : ValueText.of(property.value().bytes()), ABSENT));
			}
		}
		order(path, "<order>", "properties", List.copyOf(mine.keySet()), List.copyOf(theirs.keySet()));
	}

	/**
	 * Whether both values are cell lists of the same length whose differing cells are all small numbers on
	 * both sides, as phandles are: the likely sign that nodes were numbered differently, not that this
	 * property is wrong. A heuristic for sorting reports, never for deciding a match.
	 */
	private static boolean isPhandleEcho(byte[] ours, byte[] dtc) {
		if (ours.length != dtc.length || ours.length % 4 != 0) {
			return false;
		}
		java.nio.ByteBuffer a = java.nio.ByteBuffer.wrap(ours);
		java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(dtc);
		boolean differs = false;
		while (a.hasRemaining()) {
			int x = a.getInt();
			int y = b.getInt();
			if (x != y) {
				if (Integer.compareUnsigned(x, 0x10000) >= 0 || Integer.compareUnsigned(y, 0x10000) >= 0 || x == 0
						|| y == 0) {
					return false;
				}
				differs = true;
			}
		}
		return differs;
	}

	/** Reports the first place where the names both sides have come in a different order. */
	private void order(String path, String property, String what, List<String> ours, List<String> dtc) {
		List<String> commonOurs = ours.stream().filter(dtc::contains).toList();
		List<String> commonDtc = dtc.stream().filter(ours::contains).toList();
		for (int i = 0; i < commonOurs.size(); i++) {
			if (!commonOurs.get(i).equals(commonDtc.get(i))) {
				differences.add(new Difference(property == null ? Kind.CHILD_ORDER : Kind.PROPERTY_ORDER, path, property,
						what + " order from " + commonOurs.get(i) + ": "
						+ ValueText.clip(String.join(",", commonOurs.subList(i, commonOurs.size()))),
						ValueText.clip(String.join(",", commonDtc.subList(i, commonDtc.size())))));
				return;
			}
		}
	}
}

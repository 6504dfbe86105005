package dev.carveout.dts.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.carveout.dts.tree.DtNode;
import dev.carveout.dts.tree.DtProperty;
import dev.carveout.dts.tree.DtTree;
import dev.carveout.dts.tree.PropertyValue;
import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.MemReserve;
import dev.carveout.memmap.MemoryBank;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.RegionKind;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * Reads the memory map out of an effective tree the way Linux does (drivers/of/fdt.c, of_reserved_mem.c):
 * values of /memory and /reserved-memory children are decoded with the root's #address-cells and
 * #size-cells (defaults 2 and 1 when absent). Values the kernel cannot hold are input errors: a cells count past
 * {@link #MAX_CELLS} (then the default is used) and a range whose end is past 2^64.
 */
final class MemoryMapExtractor {

	/** The kernel's OF_MAX_ADDR_CELLS: of_n_addr_cells() and of_read_number() handle no more. */
	static final int MAX_CELLS = 4;

	private final DtTree tree;
	private final Consumer<Finding> problems;
	private final int addressCells;
	private final int sizeCells;

	MemoryMapExtractor(DtTree tree, Consumer<Finding> problems) {
		this.tree = tree;
		this.problems = problems;
		this.addressCells = rootCells("#address-cells", 2);
		this.sizeCells = rootCells("#size-cells", 1);
	}

	private int rootCells(String name, int fallback) {
		Integer value = optionalCells(tree.root(), name);
		if (value == null) {
			return fallback;
		}
		if (Integer.compareUnsigned(value, MAX_CELLS) > 0) {
			DtProperty property = tree.root().property(name);
			problems.accept(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, name + " = <" + AddressRange.hex(
					Integer.toUnsignedLong(value)) + "> is more than the " + MAX_CELLS + " cells a number may have; read as "
					+ fallback, property.definedAt(), "/"));
			return fallback;
		}
		return value;
	}

	MemoryMap extract() {
		List<MemoryBank> banks = new ArrayList<>();
		MemoryMap.ReservedMemory reserved = null;
		for (DtNode child : tree.root().children()) {
			String base = baseName(child.name());
			if (isMemory(child)) {
				banks.add(new MemoryBank(child.path(), ranges(child, child.property("reg")), child.definedAt()));
			} else if (base.equals("reserved-memory") && reserved == null) {
				reserved = reservedMemory(child);
			}
		}
		List<MemReserve> memreserve = new ArrayList<>();
		for (DtTree.MemReserveEntry entry : tree.memreserves()) {
			memreserve.add(new MemReserve(memreserve.size(), entry.range(), entry.definedAt()));
		}
		return new MemoryMap(addressCells, sizeCells, banks, memreserve, reserved, regionUses(reserved));
	}

	/** Every memory-region phandle in the tree, resolved to the node it names. */
	private List<MemoryMap.RegionUse> regionUses(MemoryMap.ReservedMemory reserved) {
		List<MemoryMap.RegionUse> uses = new ArrayList<>();
		collectRegionUses(tree.root(), reserved == null ? null : reserved.path(), uses);
		return uses;
	}

	private void collectRegionUses(DtNode node, String reservedPath, List<MemoryMap.RegionUse> uses) {
		DtProperty property = node.property("memory-region");
		if (property != null && property.value() != null) {
			int index = 0;
			for (PropertyValue.Reference ref : property.value().references()) {
				if (ref.isPath()) {
					continue;
				}
				DtNode target = tree.resolve(ref.target());
				if (target != null) {
					boolean inReserved = reservedPath != null && target.parent() != null
							&& target.parent().path().equals(reservedPath);
					List<String> status = strings(target, "status");
					boolean available = status.isEmpty() || status.get(0).equals("okay") || status.get(0).equals("ok");
					uses.add(new MemoryMap.RegionUse(node.path(), index, target.path(), inReserved, available,
							property.definedAt()));
				}
				index++;
			}
		}
		for (DtNode child : node.children()) {
			collectRegionUses(child, reservedPath, uses);
		}
	}

	private static boolean isMemory(DtNode node) {
		DtProperty type = node.property("device_type");
		boolean typed = type != null && type.value() != null && type.value().strings().equals(List.of("memory"));
		return typed || baseName(node.name()).equals("memory");
	}

	private MemoryMap.ReservedMemory reservedMemory(DtNode node) {
		List<Region> regions = new ArrayList<>();
		for (DtNode child : node.children()) {
			regions.add(region(child));
		}
		DtProperty ranges = node.property("ranges");
		return new MemoryMap.ReservedMemory(node.path(), optionalCells(node, "#address-cells"),
				optionalCells(node, "#size-cells"), ranges != null,
				ranges != null && ranges.value() != null && ranges.value().isEmpty(), regions, node.definedAt());
	}

	private Region region(DtNode node) {
		DtProperty reg = node.property("reg");
		DtProperty size = node.property("size");
		List<AddressRange> regRanges = reg == null ? null : ranges(node, reg);
		RegionKind kind = regRanges != null && !regRanges.isEmpty() ? RegionKind.STATIC
				: size != null ? RegionKind.DYNAMIC : RegionKind.NONE;
		Map<String, SourceRef> provenance = new LinkedHashMap<>();
		provenance.put("", node.definedAt());
		for (DtProperty p : node.properties()) {
			provenance.put(p.name(), p.definedAt());
		}
		DtProperty allocRanges = node.property("alloc-ranges");
		return new Region(node.path(), node.name(), List.copyOf(node.labels()), string(node, "status"),
				strings(node, "compatible"), kind, regRanges, number(size, sizeCells),
				// Linux reads alignment with the address cells (of_reserved_mem.c: __reserved_mem_alloc_size).
				number(node.property("alignment"), addressCells),
				allocRanges == null ? null : ranges(node, allocRanges),
				node.property("no-map") != null, node.property("reusable") != null,
				node.property("linux,cma-default") != null, node.property("linux,dma-default") != null,
				Map.copyOf(provenance), lengths(node));
	}

	/** Raw lengths of the properties the kernel checks against the cells. */
	private static Map<String, Integer> lengths(DtNode node) {
		Map<String, Integer> lengths = new LinkedHashMap<>();
		for (String name : List.of("reg", "size", "alignment", "alloc-ranges")) {
			DtProperty p = node.property(name);
			if (p != null) {
				lengths.put(name, p.value() == null ? -1 : p.value().length());
			}
		}
		return lengths;
	}

	private List<AddressRange> ranges(DtNode node, DtProperty property) {
		List<AddressRange> ranges = new ArrayList<>();
		if (property == null || property.value() == null) {
			return ranges;
		}
		long[] cells = property.value().cells();
		int entry = addressCells + sizeCells;
		for (int i = 0; entry > 0 && i + entry <= cells.length; i += entry) {
			AddressRange range = new AddressRange(combine(cells, i, addressCells), combine(cells, i + addressCells, sizeCells));
			if (range.size() != 0 && Long.compareUnsigned(range.base() + (range.size() - 1), range.base()) < 0) {
				problems.accept(new Finding(BoardChecker.RULE_INPUT, Severity.ERROR, property.name() + " entry "
						+ (i / entry) + " of " + node.path() + ": base " + AddressRange.hex(range.base()) + " + size "
						+ AddressRange.hex(range.size()) + " ends past 2^64", property.definedAt(), node.path()));
			}
			ranges.add(range);
		}
		return ranges;
	}

	private static Long number(DtProperty property, int cellCount) {
		if (property == null || property.value() == null) {
			return null;
		}
		long[] cells = property.value().cells();
		return combine(cells, 0, Math.min(cellCount, cells.length));
	}

	/** Big-endian cells into one value; more than two cells keep the low 64 bits, as of_read_number does. */
	private static long combine(long[] cells, int from, int count) {
		long value = 0;
		for (int i = 0; i < count; i++) {
			value = (value << 32) | cells[from + i];
		}
		return value;
	}

	private static Integer optionalCells(DtNode node, String name) {
		DtProperty p = node.property(name);
		if (p == null || p.value() == null || p.value().length() != 4) {
			return null;
		}
		return (int) p.value().cells()[0];
	}

	private static String string(DtNode node, String name) {
		List<String> values = strings(node, name);
		return values.isEmpty() ? null : values.get(0);
	}

	private static List<String> strings(DtNode node, String name) {
		DtProperty p = node.property(name);
		return p == null || p.value() == null ? List.of() : p.value().strings();
	}

	private static String baseName(String nodeName) {
		int at = nodeName.indexOf('@');
		return at < 0 ? nodeName : nodeName.substring(0, at);
	}
}

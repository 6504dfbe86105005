package dev.carveout.dts.tests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.carveout.dts.fdt.Fdt;
import dev.carveout.dts.fdt.FdtNode;
import dev.carveout.dts.fdt.FdtProperty;

/**
 * What Linux 6.12 (arm64, 4K pages) and dtc make of a compiled board's reserved memory, decoded from the DTB
 * by this class alone, as an oracle for the engine's rules and fixes: it shares no code with the engine but
 * the DTB's byte layout (FdtReader). Each violated fact is one line "RULE kind node[ node]", nodes named
 * without their unit address (a fix may rename a node to its new base). Facts the rules model:
 * <ul>
 * <li>R1: /reserved-memory without the root's #address-cells/#size-cells or without ranges is ignored
 * (of_reserved_mem.c __reserved_mem_check_root), and then nothing else below it counts;</li>
 * <li>R4: a reg with several entries; R6: no-map with reusable; R13: a reg entry off a 1 MiB boundary;</li>
 * <li>R7: a reusable shared-dma-pool whose first reg base or size is not a multiple of 2 MiB
 * (CMA_MIN_ALIGNMENT_BYTES = PAGE_SIZE &lt;&lt; pageblock_order);</li>
 * <li>R8: two reg entries of available regions sharing memory (touching ones do not), or one and a
 * /memreserve/ entry;</li>
 * <li>R11: a reg entry inside no /memory bank (banks of size 0 are placeholders and mean "unknown");</li>
 * <li>R12: a unit address that is not the first reg base in lower-case hex;</li>
 * <li>R14: a memory-region phandle that leads to no available child of /reserved-memory.</li>
 * </ul>
 */
final class KernelFacts {

	static final long CMA_MIN_ALIGNMENT = 2L << 20;
	private static final long MIB = 1L << 20;

	private KernelFacts() {
	}

	/** A region as the kernel reads it: its name without unit address, its unit address and its reg entries. */
	private record Carveout(String name, String unit, List<long[]> reg, boolean available, FdtNode node) {
	}

	static List<String> of(Fdt fdt) {
		List<String> facts = new ArrayList<>();
		FdtNode root = fdt.root();
		int rootAddressCells = cells(root, "#address-cells", 2);
		int rootSizeCells = cells(root, "#size-cells", 1);
		FdtNode reserved = root.child("reserved-memory");
		Map<Integer, FdtNode> phandles = new HashMap<>();
		collectPhandles(root, phandles);
		if (reserved == null) {
			return facts;
		}
		if (cells(reserved, "#address-cells", -1) != rootAddressCells || cells(reserved, "#size-cells", -1) != rootSizeCells
				|| reserved.property("ranges") == null) {
			facts.add("R1 format reserved-memory");
			return facts;
		}
		List<long[]> ram = new ArrayList<>();
		for (FdtNode child : root.children()) {
			if ("memory".equals(string(child, "device_type"))) {
				decode(child.property("reg"), rootAddressCells, rootSizeCells).stream().filter(e -> e[1] != 0).forEach(ram::add);
			}
		}
		List<Carveout> carveouts = new ArrayList<>();
		for (FdtNode child : reserved.children()) {
			String status = string(child, "status");
			boolean available = status == null || status.equals("okay") || status.equals("ok");
			int at = child.name().indexOf('@');
			carveouts.add(new Carveout(at < 0 ? child.name() : child.name().substring(0, at),
					at < 0 ? null : child.name().substring(at + 1),
					decode(child.property("reg"), rootAddressCells, rootSizeCells), available, child));
		}
		for (Carveout c : carveouts) {
			boolean noMap = c.node.property("no-map") != null;
			boolean reusable = c.node.property("reusable") != null;
			if (c.reg.size() > 1) {
				facts.add("R4 multiple-reg " + c.name);
			}
			if (noMap && reusable) {
				facts.add("R6 no-map+reusable " + c.name);
			}
			boolean cma = reusable && strings(c.node, "compatible").contains("shared-dma-pool");
			if (c.available && cma && !noMap && !c.reg.isEmpty() && ((c.reg.get(0)[0] | c.reg.get(0)[1]) % CMA_MIN_ALIGNMENT) != 0) {
				facts.add("R7 cma-alignment " + c.name);
			}
			for (long[] entry : c.reg) {
				if (entry[0] % MIB != 0 || entry[1] % MIB != 0) {
					facts.add("R13 off-1mib " + c.name);
				}
				if (c.available && entry[1] != 0 && !ram.isEmpty() && ram.stream().noneMatch(bank -> contains(bank, entry))) {
					facts.add("R11 outside-ram " + c.name);
				}
			}
			if (c.unit != null && !c.reg.isEmpty() && !c.unit.equals(Long.toHexString(c.reg.get(0)[0]))) {
				facts.add("R12 unit-address " + c.name);
			}
		}
		for (int i = 0; i < carveouts.size(); i++) {
			for (int j = i; j < carveouts.size(); j++) {
				Carveout a = carveouts.get(i);
				Carveout b = carveouts.get(j);
				if (!a.available || !b.available) {
					continue;
				}
				for (int ea = 0; ea < a.reg.size(); ea++) {
					for (int eb = i == j ? ea + 1 : 0; eb < b.reg.size(); eb++) {
						if (overlap(a.reg.get(ea), b.reg.get(eb))) {
							facts.add("R8 overlap " + a.name + " " + b.name);
						}
					}
				}
			}
		}
		for (Carveout c : carveouts) {
			for (long[] entry : c.available ? c.reg : List.<long[]>of()) {
				for (Fdt.MemReserve reserve : fdt.memreserves()) {
					if (overlap(entry, new long[] { reserve.address(), reserve.size() })) {
						facts.add("R8 overlap-memreserve " + c.name);
					}
				}
			}
		}
		memoryRegionUses(root, reserved, phandles, facts);
		return facts;
	}

	/** R14: every memory-region phandle of every node must lead to an available child of /reserved-memory. */
	private static void memoryRegionUses(FdtNode node, FdtNode reserved, Map<Integer, FdtNode> phandles, List<String> facts) {
		FdtProperty uses = node.property("memory-region");
		if (uses != null) {
			ByteBuffer value = ByteBuffer.wrap(uses.value());
			while (value.remaining() >= 4) {
				FdtNode target = phandles.get(value.getInt());
				String status = target == null ? null : string(target, "status");
				if (target == null || target.parent() != reserved || !(status == null || status.equals("okay") || status.equals("ok"))) {
					facts.add("R14 memory-region " + node.name());
				}
			}
		}
		node.children().forEach(child -> memoryRegionUses(child, reserved, phandles, facts));
	}

	private static void collectPhandles(FdtNode node, Map<Integer, FdtNode> phandles) {
		FdtProperty phandle = node.property("phandle");
		if (phandle != null && phandle.value().length == 4) {
			phandles.put(ByteBuffer.wrap(phandle.value()).getInt(), node);
		}
		node.children().forEach(child -> collectPhandles(child, phandles));
	}

	/** [base, size] pairs; a reg of a length that is not a whole number of entries gives none (R2's case). */
	static List<long[]> decode(FdtProperty reg, int addressCells, int sizeCells) {
		List<long[]> entries = new ArrayList<>();
		int entryBytes = 4 * (addressCells + sizeCells);
		if (reg == null || entryBytes == 0 || reg.value().length % entryBytes != 0) {
			return entries;
		}
		ByteBuffer value = ByteBuffer.wrap(reg.value());
		while (value.hasRemaining()) {
			entries.add(new long[] { number(value, addressCells), number(value, sizeCells) });
		}
		return entries;
	}

	private static long number(ByteBuffer value, int cells) {
		long n = 0;
		for (int i = 0; i < cells; i++) {
			n = (n << 32) | Integer.toUnsignedLong(value.getInt());
		}
		return n;
	}

	private static boolean overlap(long[] a, long[] b) {
		return a[1] != 0 && b[1] != 0 && Long.compareUnsigned(a[0], b[0] + b[1]) < 0 && Long.compareUnsigned(b[0], a[0] + a[1]) < 0;
	}

	private static boolean contains(long[] bank, long[] entry) {
		return Long.compareUnsigned(bank[0], entry[0]) <= 0 && Long.compareUnsigned(entry[0] + entry[1], bank[0] + bank[1]) <= 0;
	}

	private static int cells(FdtNode node, String name, int absent) {
		FdtProperty property = node.property(name);
		return property == null || property.value().length != 4 ? absent : ByteBuffer.wrap(property.value()).getInt();
	}

	private static String string(FdtNode node, String name) {
		List<String> values = strings(node, name);
		return values.isEmpty() ? null : values.get(0);
	}

	private static List<String> strings(FdtNode node, String name) {
		FdtProperty property = node.property(name);
		if (property == null || property.value().length == 0) {
			return List.of();
		}
		String text = new String(property.value(), 0, property.value().length - 1, StandardCharsets.UTF_8);
		return List.of(text.split("\0"));
	}
}

package dev.carveout.memmap.bootlog;

import java.util.ArrayList;
import java.util.List;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;

/**
 * What Linux 6.12's reserved-memory code does with a memory map, step by step as
 * drivers/of/of_reserved_mem.c runs: which regions it registers, which setup (CMA, coherent pool) takes
 * each, and which fail. The prediction and the comparison with a real boot log both read it.
 */
final class KernelBootModel {

	/** A region the kernel registers (fdt_reserved_mem_save_node), with the outcome of its setup. */
	record Registered(Region region, AddressRange range, Setup setup) {
	}

	enum Setup {
		NONE, CMA, COHERENT, CMA_MISALIGNED, REFUSED
	}

	private KernelBootModel() {
	}

	/**
	 * What one node's {@code reg} is to the kernel's two scans: {@code invalid} when its length is not a multiple of
	 * an entry (both scans skip the node, each saying so).
	 */
	record RegScan(Region region, boolean invalid) {
	}

	/**
	 * One node as fdt_scan_reserved_mem_reg_nodes sees it: a reg it skips as invalid, or the reg entries after the
	 * first, which it ignores (and says so), and the region it registers from the first entry (null when that entry's
	 * size is 0 or there is none).
	 */
	record StaticNode(Region region, boolean invalid, int ignoredEntries, Registered registered) {
	}

	/**
	 * The available nodes with a {@code reg}, in tree order, as both scans visit them (an empty {@code reg} is
	 * valid and has no entry).
	 */
	static List<RegScan> regNodes(MemoryMap map) {
		List<RegScan> nodes = new ArrayList<>();
		if (map.reservedMemory() == null || map.kernelIgnoresReservedMemory()) {
			return nodes;
		}
		int entry = entryBytes(map);
		for (Region region : map.regions()) {
			Integer length = region.propertyLengths().get("reg");
			if (region.available() && length != null && length >= 0 && region.reg() != null) {
				nodes.add(new RegScan(region, length != 0 && length % entry != 0));
			}
		}
		return nodes;
	}

	/**
	 * The early scan (fdt_scan_reserved_mem → __reserved_mem_reserve_reg) reserves every entry of a valid reg; an
	 * entry of size 0 cannot be reserved: these are the entries it reports as failed, in its order.
	 */
	static List<AddressRange> unreservableEntries(RegScan node) {
		return node.invalid() ? List.of() : node.region().reg().stream().filter(AddressRange::isEmpty).toList();
	}

	/** The static pass (fdt_scan_reserved_mem_reg_nodes) over every reg node, in tree order. */
	static List<StaticNode> staticNodes(MemoryMap map, KernelProfile profile) {
		List<StaticNode> nodes = new ArrayList<>();
		for (RegScan node : regNodes(map)) {
			List<AddressRange> reg = node.region().reg();
			if (node.invalid() || reg.isEmpty()) {
				nodes.add(new StaticNode(node.region(), node.invalid(), 0, null));
				continue;
			}
			AddressRange first = reg.get(0);
			nodes.add(new StaticNode(node.region(), false, reg.size() - 1,
					first.isEmpty() ? null : registered(node.region(), first, profile)));
		}
		return nodes;
	}

	/** Static regions in tree order, as fdt_scan_reserved_mem_reg_nodes registers them (first reg entry only). */
	static List<Registered> staticRegions(MemoryMap map, KernelProfile profile) {
		return staticNodes(map, profile).stream().map(StaticNode::registered).filter(r -> r != null).toList();
	}

	private static int entryBytes(MemoryMap map) {
		return (map.rootAddressCells() + map.rootSizeCells()) * 4;
	}

	static Registered registered(Region region, AddressRange range, KernelProfile profile) {
		return new Registered(region, range, setup(region, range, profile));
	}

	/**
	 * __reserved_mem_init_node: the "shared-dma-pool" setups in link order, CMA (contiguous.o) before the
	 * coherent pool (coherent.o); the first that accepts the region wins.
	 */
	private static Setup setup(Region region, AddressRange range, KernelProfile profile) {
		if (!region.compatible().contains("shared-dma-pool")) {
			return region.compatible().contains("restricted-dma-pool")
					&& (region.noMap() || region.reusable() || region.linuxCmaDefault() || region.linuxDmaDefault())
							? Setup.REFUSED : Setup.NONE;
		}
		if (region.reusable() && !region.noMap()) {
			return profile.cmaAligned(range.base(), range.size()) ? Setup.CMA : Setup.CMA_MISALIGNED;
		}
		return region.reusable() ? Setup.REFUSED : Setup.COHERENT;
	}
}

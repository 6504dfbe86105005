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

	/** Static regions in tree order, as fdt_scan_reserved_mem_reg_nodes registers them (first reg entry only). */
	static List<Registered> staticRegions(MemoryMap map, KernelProfile profile) {
		List<Registered> registered = new ArrayList<>();
		if (map.reservedMemory() == null || map.kernelIgnoresReservedMemory()) {
			return registered;
		}
		int entry = (map.rootAddressCells() + map.rootSizeCells()) * 4;
		for (Region region : map.regions()) {
			Integer length = region.propertyLengths().get("reg");
			if (!region.available() || length == null || length < entry || length % entry != 0 || region.reg() == null
					|| region.reg().isEmpty() || region.reg().get(0).isEmpty()) {
				continue;
			}
			AddressRange range = region.reg().get(0);
			registered.add(registered(region, range, profile));
		}
		return registered;
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

package dev.carveout.target.heaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;

/**
 * The CMA areas a kernel makes for a board, as kernel/dma/contiguous.c does: one per reusable
 * {@code shared-dma-pool} of /reserved-memory that rmem_cma_setup() accepts (named after its node), and the
 * default area, which is the last accepted {@code linux,cma-default} pool unless {@code cma=} is given (that
 * bypasses the device tree's default) and otherwise dma_contiguous_reserve()'s "reserved" area sized by
 * {@code cma=} or Kconfig.
 *
 * @param defaultArea the area devices get without a memory-region (and the CMA heap is built on); empty when
 *                    the kernel makes none, or when whether it does is unknown ({@code defaultKnown} false)
 */
public record CmaModel(List<Area> areas, Optional<Area> defaultArea, boolean defaultKnown) {

	/** dma_contiguous_reserve() names the area it makes itself. */
	public static final String KERNEL_DEFAULT_NAME = "reserved";

	/**
	 * @param bytes  the area's size; null when it depends on what the board's kernel did not publish
	 * @param region the /reserved-memory node it comes from, null for the kernel's own "reserved" area
	 */
	public record Area(String name, Long bytes, Region region) {
	}

	public static CmaModel of(MemoryMap map, KernelProfile profile, KernelCmaConfig config) {
		List<Area> areas = new ArrayList<>();
		Area fromTree = null;
		boolean cmdline = config.cmdlineCmaBytes().isPresent();
		if (!map.kernelIgnoresReservedMemory()) {
			for (Region region : map.regions()) {
				Optional<Long> size = cmaSize(region, profile);
				// rmem_cma_setup(): "bypass %s node, using cmdline CMA params instead" for the default pool.
				if (size.isEmpty() || region.linuxCmaDefault() && cmdline) {
					continue;
				}
				Area area = new Area(region.name(), size.get(), region);
				areas.add(area);
				if (region.linuxCmaDefault()) {
					fromTree = area; // each accepted default overwrites dma_contiguous_default_area
				}
			}
		}
		if (fromTree != null) {
			return new CmaModel(areas, Optional.of(fromTree), true);
		}
		Optional<Long> kernelDefault = cmdline ? config.cmdlineCmaBytes() : config.kconfigDefaultCmaBytes();
		if (kernelDefault.isEmpty()) {
			if (config.configKnown() && config.enabled("CONFIG_DMA_CMA", false)) {
				// PERCENTAGE/MIN/MAX: an area of a size that depends on the RAM
				Area area = new Area(KERNEL_DEFAULT_NAME, null, null);
				areas.add(area);
				return new CmaModel(areas, Optional.of(area), true);
			}
			return new CmaModel(areas, Optional.empty(), false);
		}
		if (kernelDefault.get() == 0) {
			return new CmaModel(areas, Optional.empty(), true);
		}
		Area area = new Area(KERNEL_DEFAULT_NAME, kernelDefault.get(), null);
		areas.add(area);
		return new CmaModel(areas, Optional.of(area), true);
	}

	/** The sum of the areas, when every size is known. */
	public Optional<Long> totalBytes() {
		if (!defaultKnown || areas.stream().anyMatch(a -> a.bytes() == null)) {
			return Optional.empty();
		}
		return Optional.of(areas.stream().mapToLong(Area::bytes).sum());
	}

	public Optional<Area> area(String name) {
		return areas.stream().filter(a -> a.name().equals(name)).findFirst();
	}

	/**
	 * The size of a region that becomes a CMA area: reusable, not no-map, shared-dma-pool, available, base and
	 * size on CMA_MIN_ALIGNMENT_BYTES (a dynamic pool is placed on it by the kernel, so only its size counts).
	 */
	private static Optional<Long> cmaSize(Region region, KernelProfile profile) {
		if (!region.available() || !region.isCma() || region.noMap()) {
			return Optional.empty();
		}
		if (region.reg() != null && !region.reg().isEmpty()) {
			AddressRange range = region.reg().getFirst();
			return range.size() > 0 && profile.cmaAligned(range.base(), range.size()) ? Optional.of(range.size())
					: Optional.empty();
		}
		Long size = region.size();
		return size != null && size > 0 && profile.cmaAligned(0, size) ? Optional.of(size) : Optional.empty();
	}
}

package dev.carveout.target.heaps;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.carveout.memmap.KernelVersion;

/**
 * The /dev/dma_heap entries a kernel version makes for a board (drivers/dma-buf/heaps):
 * <ul>
 * <li>{@code system} with CONFIG_DMABUF_HEAPS_SYSTEM;</li>
 * <li>up to 6.16, one CMA heap for the default CMA area, named after it (cma_get_name: its /reserved-memory node,
 * or "reserved"); other pools get none;</li>
 * <li>from 6.17 ("dma-buf: heaps: Give default CMA heap a fixed name"), {@code default_cma_region}, plus the old
 * name as a second heap on the same area with CONFIG_DMABUF_HEAPS_CMA_LEGACY (default y);</li>
 * <li>from 6.19 ("dma-buf: heaps: cma: Create CMA heap for each CMA reserved region", drm-misc-next for v6.19),
 * also one heap per reusable shared-dma-pool of the device tree, named after its node.</li>
 * </ul>
 *
 * @param required heaps the board must have
 * @param optional heaps it may have: those that depend on a configuration the board did not publish
 */
public record ExpectedHeaps(Set<String> required, Set<String> optional) {

	public static final String SYSTEM = "system";
	public static final String DEFAULT_CMA_REGION = "default_cma_region";

	public static ExpectedHeaps of(KernelVersion version, CmaModel cma, KernelCmaConfig config) {
		Set<String> required = new LinkedHashSet<>();
		Set<String> optional = new LinkedHashSet<>();
		requiredIfConfigured(config, "CONFIG_DMABUF_HEAPS_SYSTEM", SYSTEM, required, optional);
		if (config.symbol("CONFIG_DMABUF_HEAPS_CMA").map("n"::equals).orElse(false)) {
			return new ExpectedHeaps(Set.copyOf(required), Set.copyOf(optional));
		}
		Set<String> cmaHeaps = new LinkedHashSet<>();
		Set<String> legacyHeaps = new LinkedHashSet<>();
		if (!version.atLeast(6, 17)) {
			cma.defaultArea().ifPresent(a -> cmaHeaps.add(a.name()));
		} else {
			cma.defaultArea().ifPresent(a -> {
				cmaHeaps.add(DEFAULT_CMA_REGION);
				// From 6.19 a device-tree default has its per-region heap under that very name anyway.
				if (version.atLeast(6, 19) && a.region() != null) {
					cmaHeaps.add(a.name());
				} else {
					legacyHeaps.add(a.name());
				}
			});
			if (version.atLeast(6, 19)) {
				cma.areas().stream().filter(a -> a.region() != null).forEach(a -> cmaHeaps.add(a.name()));
			}
		}
		boolean cmaKnown = config.symbol("CONFIG_DMABUF_HEAPS_CMA").isPresent() && cma.defaultKnown();
		(cmaKnown ? required : optional).addAll(cmaHeaps);
		if (!legacyHeaps.isEmpty()) {
			Set<String> to = config.symbol("CONFIG_DMABUF_HEAPS_CMA_LEGACY").isPresent() && cmaKnown ? required : optional;
			if (config.enabled("CONFIG_DMABUF_HEAPS_CMA_LEGACY", true)) {
				to.addAll(legacyHeaps);
			}
		}
		if (!cma.defaultKnown()) {
			// Whether the kernel made a default area at all is unknown: its heap names may or may not be there.
			optional.add(CmaModel.KERNEL_DEFAULT_NAME);
			if (version.atLeast(6, 17)) {
				optional.add(DEFAULT_CMA_REGION);
			}
		}
		optional.removeAll(required);
		return new ExpectedHeaps(Set.copyOf(required), Set.copyOf(optional));
	}

	/** Required when the configuration has the symbol, optional when the configuration is unknown. */
	private static void requiredIfConfigured(KernelCmaConfig config, String symbol, String heap, Set<String> required,
			Set<String> optional) {
		var value = config.symbol(symbol);
		if (value.isEmpty()) {
			optional.add(heap);
		} else if (!value.get().equals("n")) {
			required.add(heap);
		}
	}
}

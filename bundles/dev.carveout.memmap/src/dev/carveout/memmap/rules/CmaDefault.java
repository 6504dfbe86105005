package dev.carveout.memmap.rules;

import java.util.List;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/** R10: one default CMA area: linux,cma-default on more than one region (the last wins) or on a region that is not CMA (ignored). */
final class CmaDefault extends AbstractRule {

	CmaDefault() {
		super("R10", "cma_default", Severity.WARNING,
				"kernel/dma/contiguous.c: rmem_cma_setup() sets dma_contiguous_default_area for each linux,cma-default CMA region",
				"Ineffective linux,cma-default. More than one linux,cma-default region (the last one wins), or linux,cma-default on a region that is not a CMA pool (ignored).");
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		List<Region> defaults = context.availableRegions().stream().filter(Region::linuxCmaDefault).toList();
		for (Region region : defaults) {
			if (!region.isCma()) {
				sink.accept(finding(region.name()
						+ " has linux,cma-default but is not a CMA region (shared-dma-pool + reusable): the flag is ignored",
						region.definedAt("linux,cma-default"), region.path()));
			}
		}
		List<Region> cmaDefaults = defaults.stream().filter(Region::isCma).toList();
		for (int i = 0; i < cmaDefaults.size() - 1; i++) {
			Region region = cmaDefaults.get(i);
			sink.accept(finding(region.name() + " is one of " + cmaDefaults.size()
					+ " linux,cma-default regions: the last one set up (" + cmaDefaults.get(cmaDefaults.size() - 1).name()
					+ ") becomes the default CMA area", region.definedAt("linux,cma-default"), region.path()));
		}
	}
}

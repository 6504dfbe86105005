package dev.carveout.memmap.bootlog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.DynamicPlacement;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.bootlog.KernelBootModel.Registered;

/**
 * The lines Linux 6.12 prints about a memory map's reserved memory, in its order and format (%pa is
 * 0x%016llx on arm64). Regions placed at boot (size without reg) appear at the address DynamicPlacement
 * predicts, when the /memory banks say where RAM is.
 */
public final class BootLogPrediction {

	private static final String OF = "OF: reserved mem: ";

	private BootLogPrediction() {
	}

	public static List<String> lines(MemoryMap map, KernelProfile profile) {
		List<String> lines = new ArrayList<>();
		if (map.reservedMemory() == null) {
			lines.add(OF + "Reserved memory: No reserved-memory node in the DT");
			return lines;
		}
		if (map.kernelIgnoresReservedMemory()) {
			// Both scans check the root and say so: the early one, then fdt_scan_reserved_mem_reg_nodes.
			lines.add(OF + "Reserved memory: unsupported node format, ignoring");
			lines.add(OF + "Reserved memory: unsupported node format, ignoring");
			return lines;
		}
		// The early scan reserves every reg entry first (and reports the ones it cannot: a bad reg, a size of 0);
		// then dynamic regions are placed and set up (fdt_scan_reserved_mem), static ones later
		// (fdt_scan_reserved_mem_reg_nodes); the overlap check sees them all.
		for (KernelBootModel.RegScan node : KernelBootModel.regNodes(map)) {
			if (node.invalid()) {
				lines.add(invalidReg(node.region()));
			}
			for (AddressRange entry : KernelBootModel.unreservableEntries(node)) {
				lines.add(OF + "Reserved memory: failed to reserve memory for node '" + node.region().name() + "': base "
						+ pa(entry.base()) + ", size " + Long.divideUnsigned(entry.size(), 1 << 20) + " MiB");
			}
		}
		List<Registered> registered = new ArrayList<>();
		for (DynamicPlacement.Placement p : DynamicPlacement.place(map, profile)) {
			if (p.range() == null) {
				lines.add(OF + "failed to allocate memory for node '" + p.region().name() + "': size " + (p.size() >>> 20) + " MiB");
				continue;
			}
			Registered r = KernelBootModel.registered(p.region(), p.range(), profile);
			registered.add(r);
			lines.addAll(setupLines(r));
		}
		for (KernelBootModel.StaticNode node : KernelBootModel.staticNodes(map, profile)) {
			if (node.invalid()) {
				lines.add(invalidReg(node.region()));
			}
			if (node.ignoredEntries() > 0) {
				lines.add(OF + "fdt_scan_reserved_mem_reg_nodes() ignores " + node.ignoredEntries() + " regions in node '"
						+ node.region().name() + "'");
			}
			if (node.registered() != null) {
				registered.add(node.registered());
				lines.addAll(setupLines(node.registered()));
			}
		}
		lines.addAll(overlapLines(registered));
		return lines;
	}

	private static String invalidReg(Region region) {
		return OF + "Reserved memory: invalid reg property in '" + region.name() + "', skipping node.";
	}

	private static List<String> setupLines(Registered r) {
		String name = r.region().name();
		AddressRange range = r.range();
		return switch (r.setup()) {
			case CMA -> List.of(
					"Reserved memory: created CMA memory pool at " + pa(range.base()) + ", size " + (range.size() >>> 20) + " MiB",
					OF + "initialized node " + name + ", compatible id shared-dma-pool", summary(r));
			case COHERENT -> List.of(
					"Reserved memory: created DMA memory pool at " + pa(range.base()) + ", size " + (range.size() >>> 20) + " MiB",
					OF + "initialized node " + name + ", compatible id shared-dma-pool", summary(r));
			case CMA_MISALIGNED -> List.of("Reserved memory: incorrect alignment of CMA region",
					OF + "node " + name + " compatible matching fail");
			case REFUSED -> List.of(OF + "node " + name + " compatible matching fail");
			case NONE -> List.of(summary(r));
		};
	}

	/** of_reserved_mem.c fdt_init_reserved_mem_node(): "%pa..%pa (%lu KiB) %s %s %s". */
	private static String summary(Registered r) {
		AddressRange range = r.range();
		return OF + pa(range.base()) + ".." + pa(range.base() + range.size() - 1) + " (" + (range.size() >>> 10) + " KiB) "
				+ (r.region().noMap() ? "nomap" : "map") + " " + (r.region().reusable() ? "reusable" : "non-reusable") + " "
				+ r.region().name();
	}

	/** __rmem_check_for_overlap(): sorted by base then size, each region against the next. */
	private static List<String> overlapLines(List<Registered> registered) {
		List<Registered> sorted = new ArrayList<>(registered);
		sorted.sort(Comparator.comparing((Registered r) -> r.range().base(), Long::compareUnsigned)
				.thenComparing(r -> r.range().size(), Long::compareUnsigned));
		List<String> lines = new ArrayList<>();
		for (int i = 0; i + 1 < sorted.size(); i++) {
			AddressRange a = sorted.get(i).range();
			AddressRange b = sorted.get(i + 1).range();
			if (Long.compareUnsigned(a.base() + a.size(), b.base()) > 0) {
				lines.add(OF + "OVERLAP DETECTED!");
				lines.add(sorted.get(i).region().name() + " (" + pa(a.base()) + "--" + pa(a.base() + a.size()) + ") overlaps with "
						+ sorted.get(i + 1).region().name() + " (" + pa(b.base()) + "--" + pa(b.base() + b.size()) + ")");
			}
		}
		return lines;
	}

	static String pa(long value) {
		return String.format("0x%016x", value);
	}
}

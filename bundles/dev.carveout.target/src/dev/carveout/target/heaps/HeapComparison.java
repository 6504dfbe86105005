package dev.carveout.target.heaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.KernelVersion;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;
import dev.carveout.memmap.bootlog.BootLogComparison;
import dev.carveout.memmap.bootlog.BootLogParser;

/**
 * Where a running board disagrees with the device tree source it is meant to boot, for its DMA-BUF heaps and
 * CMA: the heap names its kernel version makes ({@link ExpectedHeaps}), each CMA area's size and CmaTotal
 * against the source's reusable pools ({@link CmaModel}), and the "OF: reserved mem:" lines of its kernel log
 * against the memory map ({@link BootLogComparison}). Every difference is a {@link Finding} on the DTS node
 * concerned, so it can become a marker.
 *
 * @param profile            the board's kernel: its version and page size, from the probe
 * @param actualCmaTotalBytes CmaTotal, when the board reports it
 */
public record HeapComparison(KernelProfile profile, ExpectedHeaps expectedHeaps, List<String> actualHeaps, CmaModel cma,
		Optional<Long> actualCmaTotalBytes, List<Finding> findings) {

	public static final String HEAP_RULE = "HEAP";
	public static final String CMA_RULE = "CMA";

	private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");

	public static HeapComparison compare(MemoryMap map, HeapReport report, BoardState board) throws ProbeException {
		KernelProfile profile = profileOf(report);
		CmaModel cma = CmaModel.of(map, profile, board.cma());
		ExpectedHeaps expected = ExpectedHeaps.of(profile.version(), cma, board.cma());
		List<Finding> findings = new ArrayList<>();
		new Heaps(map, profile, cma, expected, report, board, findings).compare();
		new CmaAreas(map, cma, report, findings).compare();
		findings.addAll(bootLog(map, profile, board.dmesg()));
		return new HeapComparison(profile, expected, report.heapNames(), cma, report.cmaTotalBytes(), List.copyOf(findings));
	}

	/** The findings that say the board differs from the source (not the notes about what could not be checked). */
	public List<Finding> drift() {
		return findings.stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
	}

	static KernelProfile profileOf(HeapReport report) throws ProbeException {
		Matcher m = RELEASE.matcher(report.kernelRelease() == null ? "" : report.kernelRelease());
		if (!m.find()) {
			throw new ProbeException("Cannot read a kernel version from the board's release '" + report.kernelRelease() + "'", null);
		}
		int pageKiB = (int) (report.pageSize() / 1024);
		try {
			return new KernelProfile(pageKiB, new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		} catch (IllegalArgumentException e) {
			throw new ProbeException("The board's page size " + report.pageSize() + " is not one Carveout models: " + e.getMessage(), e);
		}
	}

	private static List<Finding> bootLog(MemoryMap map, KernelProfile profile, String dmesg) {
		if (dmesg == null) {
			return List.of(new Finding(BootLogComparison.RULE, Severity.INFO,
					"the board's kernel log cannot be read by this login (dmesg_restrict): the reserved-memory lines were not compared",
					reservedMemoryRef(map), reservedMemoryPath(map)));
		}
		// The ring buffer of a board that has run for long no longer holds the boot: no line is not a drift then.
		if (!dmesg.contains("Linux version ") && !dmesg.contains("Booting Linux")) {
			return List.of(new Finding(BootLogComparison.RULE, Severity.INFO,
					"the board's kernel log no longer reaches back to the boot (dmesg ring buffer wrapped): the reserved-memory lines were not compared",
					reservedMemoryRef(map), reservedMemoryPath(map)));
		}
		return BootLogComparison.compare(map, profile, BootLogParser.parse(dmesg));
	}

	static SourceRef reservedMemoryRef(MemoryMap map) {
		return map.reservedMemory() == null ? SourceRef.UNKNOWN : map.reservedMemory().definedAt();
	}

	static String reservedMemoryPath(MemoryMap map) {
		return map.reservedMemory() == null ? "/" : map.reservedMemory().path();
	}

	static String size(long bytes) {
		if (bytes != 0 && bytes % (1L << 20) == 0) {
			return (bytes >> 20) + " MiB";
		}
		if (bytes != 0 && bytes % 1024 == 0) {
			return (bytes >> 10) + " KiB";
		}
		return bytes + " bytes";
	}

	/** Heap names: the expected ones present, no others. */
	private record Heaps(MemoryMap map, KernelProfile profile, CmaModel cma, ExpectedHeaps expected, HeapReport report,
			BoardState board, List<Finding> findings) {

		void compare() {
			Set<String> actual = new TreeSet<>(report.heapNames());
			if (report.heapDirErrno() != null) {
				// Without the kernel's configuration the heaps are not required, but CMA pools in the source are
				// there to be allocated from: a board with no heaps at all cannot serve them.
				List<String> pools = cma.areas().stream().filter(a -> a.region() != null).map(CmaModel.Area::name).toList();
				if (!expected.required().isEmpty() || !pools.isEmpty()) {
					String why = board.cma().symbol("CONFIG_DMABUF_HEAPS")
							.map(v -> v.equals("n") ? "its kernel lacks CONFIG_DMABUF_HEAPS" : "although its kernel has CONFIG_DMABUF_HEAPS (no devtmpfs?)")
							.orElse("its kernel may lack CONFIG_DMABUF_HEAPS");
					findings.add(new Finding(HEAP_RULE, Severity.WARNING, "the board has no /dev/dma_heap (" + report.heapDirErrno()
							+ "): " + why + "; the source expects heaps "
							+ (expected.required().isEmpty() ? "for its CMA pools " + pools : new TreeSet<>(expected.required()).toString()),
							reservedMemoryRef(map), reservedMemoryPath(map)));
				}
				return;
			}
			if (!board.cma().configKnown()) {
				findings.add(new Finding(HEAP_RULE, Severity.INFO, "the board publishes no kernel configuration (/proc/config.gz): "
						+ "heaps that depend on it were not required: " + new TreeSet<>(expected.optional()),
						reservedMemoryRef(map), reservedMemoryPath(map)));
			}
			for (String name : new TreeSet<>(expected.required())) {
				if (!actual.contains(name)) {
					Region because = regionBehind(name);
					findings.add(at(because, "missing heap: Linux " + profile.version() + " makes /dev/dma_heap/" + name
							+ " for this source, the board has " + actual));
				}
			}
			for (String name : actual) {
				if (!expected.required().contains(name) && !expected.optional().contains(name)) {
					findings.add(at(regionNamed(name), "extra heap: the board has /dev/dma_heap/" + name + ", which Linux "
							+ profile.version() + " does not make for this source (expected " + new TreeSet<>(expected.required()) + ")"));
				}
			}
			for (HeapReport.Heap heap : report.heaps()) {
				if (heap.openErrno() != null) {
					findings.add(at(regionBehind(heap.name()), "heap " + heap.name() + " cannot be opened: " + heap.openErrno()
							+ " (" + heap.openError() + ")"));
				}
			}
		}

		/** The pool a heap is built on: its own node, or the default CMA area's for the default names. */
		private Region regionBehind(String heap) {
			Region own = regionNamed(heap);
			if (own != null) {
				return own;
			}
			boolean defaultName = heap.equals(ExpectedHeaps.DEFAULT_CMA_REGION) || heap.equals(CmaModel.KERNEL_DEFAULT_NAME);
			return defaultName ? cma.defaultArea().map(CmaModel.Area::region).orElse(null) : null;
		}

		private Region regionNamed(String name) {
			return map.regions().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
		}

		private Finding at(Region region, String message) {
			return region == null ? new Finding(HEAP_RULE, Severity.WARNING, message, reservedMemoryRef(map), reservedMemoryPath(map))
					: new Finding(HEAP_RULE, Severity.WARNING, message, region.definedAt(""), region.path());
		}
	}

	/** CMA: each area the source makes against the board's area of that name, and CmaTotal. */
	private record CmaAreas(MemoryMap map, CmaModel cma, HeapReport report, List<Finding> findings) {

		void compare() {
			String totals = totals();
			int before = findings.size();
			boolean boardListsAreas = !report.cmaAreas().isEmpty() || report.cmaTotalKib() == null || report.cmaTotalKib() == 0;
			for (CmaModel.Area area : cma.areas()) {
				Optional<HeapReport.CmaArea> onBoard = report.cmaAreas().stream().filter(a -> a.name().equals(area.name())).findFirst();
				if (onBoard.isEmpty()) {
					if (boardListsAreas && area.bytes() != null) {
						findings.add(at(area.region(), "missing CMA area: the kernel has no " + area.name() + " ("
								+ size(area.bytes()) + " in the source)" + totals));
					}
					continue;
				}
				Optional<Long> pages = onBoard.get().pages();
				if (area.bytes() != null && pages.isPresent() && pages.get() * report.pageSize() != area.bytes()) {
					findings.add(at(area.region(), "CMA area " + area.name() + " is " + size(pages.get() * report.pageSize())
							+ " on the board, the source asks " + size(area.bytes()) + totals));
				}
			}
			for (HeapReport.CmaArea onBoard : report.cmaAreas()) {
				if (cma.area(onBoard.name()).isEmpty() && (cma.defaultKnown() || !onBoard.name().equals(CmaModel.KERNEL_DEFAULT_NAME))) {
					findings.add(at(null, "extra CMA area: the kernel has " + onBoard.name()
							+ onBoard.pages().map(p -> " (" + size(p * report.pageSize()) + ")").orElse("")
							+ ", which the source does not declare" + totals));
				}
			}
			Optional<Long> expected = cma.totalBytes();
			if (findings.size() == before && expected.isPresent() && report.cmaTotalBytes().isPresent()
					&& !expected.equals(report.cmaTotalBytes())) {
				findings.add(at(null, "CMA total differs" + totals));
			}
		}

		private String totals() {
			Optional<Long> expected = cma.totalBytes();
			return ": CmaTotal is " + (report.cmaTotalKib() == null ? "not reported" : report.cmaTotalKib() + " kB")
					+ ", the source makes " + expected.map(b -> b / 1024 + " kB").orElse("an unknown amount (the kernel's default CMA size is not published)");
		}

		private Finding at(Region region, String message) {
			if (region == null) {
				return new Finding(CMA_RULE, Severity.WARNING, message, reservedMemoryRef(map), reservedMemoryPath(map));
			}
			String property = region.reg() != null && !region.reg().isEmpty() ? "reg" : "size";
			return new Finding(CMA_RULE, Severity.WARNING, message, region.definedAt(property), region.path());
		}
	}
}

package dev.carveout.target.heaps;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What carveout-heap-probe saw on a board: its DMA-BUF heaps with the size ladder each one allocated, and the
 * CMA accounting of the kernel. Field for field the probe's JSON ({@link HeapReportJson}); a number the board
 * did not offer (no CmaTotal without CONFIG_CMA, no debugfs on a production image) is null.
 *
 * @param probe         always "carveout-heap-probe": anything else is not our program's output
 * @param format        the JSON format's version, {@link HeapReportJson#FORMAT}
 * @param pageSize      the kernel's page size in bytes (CMA counts pages)
 * @param maxSize       the largest rung the ladder was allowed to try
 * @param cmaTotalKib   CmaTotal of /proc/meminfo, kB
 * @param cmaFreeKib    CmaFree of /proc/meminfo, kB
 * @param heapDirErrno  why /dev/dma_heap could not be listed (ENOENT: no CONFIG_DMABUF_HEAPS), else null
 */
public record HeapReport(String probe, int format, String kernelRelease, String machine, long pageSize, long maxSize,
		Long cmaTotalKib, Long cmaFreeKib, List<CmaArea> cmaAreas, String heapDirErrno, List<Heap> heaps) {

	public HeapReport {
		cmaAreas = cmaAreas == null ? List.of() : List.copyOf(cmaAreas);
		heaps = heaps == null ? List.of() : List.copyOf(heaps);
	}

	public List<String> heapNames() {
		return heaps.stream().map(Heap::name).toList();
	}

	public Optional<Heap> heap(String name) {
		return heaps.stream().filter(h -> h.name().equals(name)).findFirst();
	}

	/** CmaTotal in bytes, if the kernel reports it. */
	public Optional<Long> cmaTotalBytes() {
		return Optional.ofNullable(cmaTotalKib).map(kib -> kib * 1024);
	}

	/**
	 * One CMA area (kernel struct cma) by its name: a /reserved-memory node's name, or "reserved" for the default
	 * area sized by cma= or Kconfig.
	 *
	 * @param sysfs   /sys/kernel/mm/cma/NAME: alloc_pages_success, alloc_pages_fail, release_pages_success, and
	 *                from Linux 6.14 total_pages, available_pages
	 * @param debugfs /sys/kernel/debug/cma/NAME: base_pfn, count, used, maxchunk (pages)
	 */
	public record CmaArea(String name, Map<String, Long> sysfs, Map<String, Long> debugfs) {

		public CmaArea {
			sysfs = sysfs == null ? Map.of() : Map.copyOf(sysfs);
			debugfs = debugfs == null ? Map.of() : Map.copyOf(debugfs);
		}

		/** The area's size in pages: sysfs total_pages where the kernel has it, else debugfs count. */
		public Optional<Long> pages() {
			return Optional.ofNullable(sysfs.get("total_pages")).or(() -> Optional.ofNullable(debugfs.get("count")));
		}
	}

	/**
	 * One heap of /dev/dma_heap and its ladder, smallest size first; the ladder stops at the first failure.
	 *
	 * @param openErrno the heap's device could not be opened (then the ladder is empty)
	 */
	public record Heap(String name, String openErrno, String openError, List<Allocation> allocations) {

		public Heap {
			allocations = allocations == null ? List.of() : List.copyOf(allocations);
		}

		/** The largest size that was allocated, written and read back, or 0. */
		public long largestOk() {
			return allocations.stream().filter(Allocation::ok).mapToLong(Allocation::size).max().orElse(0);
		}

		/** The rung that failed, if one did. */
		public Optional<Allocation> failure() {
			return allocations.stream().filter(a -> !a.ok()).findFirst();
		}
	}

	/**
	 * One buffer: DMA_HEAP_IOCTL_ALLOC, mmap, pattern written and read back between DMA_BUF_IOCTL_SYNC start and
	 * end, close. Times in nanoseconds; those of steps not reached are null.
	 *
	 * @param failedStep      alloc, mmap, sync or verify when {@code ok} is false
	 * @param errno           the failing call's errno name (ENOMEM, ...); null for verify
	 * @param mismatchedWords 32-bit words that read back differently
	 */
	public record Allocation(long size, boolean ok, String failedStep, String errno, String error, Long allocNs,
			Long mmapNs, Long writeNs, Long verifyNs, Long freeNs, Long mismatchedWords) {
	}
}

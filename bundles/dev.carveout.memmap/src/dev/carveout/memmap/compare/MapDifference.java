package dev.carveout.memmap.compare;

import dev.carveout.memmap.SourceRef;

/**
 * One way two memory maps differ, with both values as text (null on the side that lacks the thing) and where
 * each side defined it ({@link SourceRef#UNKNOWN} for a side read from a DTB or a live board).
 *
 * @param leftPath  the node path on the left, or for a /memreserve/ entry its index as "/memreserve/N"; null
 *                  when only the right side has it
 * @param rightPath the same on the right; differs from leftPath only for a region matched by name
 */
public record MapDifference(Kind kind, String leftPath, String rightPath, String leftValue, String rightValue,
		SourceRef leftAt, SourceRef rightAt) {

	/** Every way two maps can differ. */
	public enum Kind {
		REGION_ADDED("added", "a /reserved-memory region only the right side has"),
		REGION_REMOVED("removed", "a /reserved-memory region only the left side has"),
		REGION_RENAMED("renamed", "a region matched by its name without the unit address: its path differs"),
		MOVED("moved", "a region's base differs (its predicted place when it has only a size)"),
		RESIZED("resized", "a region's size differs"),
		ALLOCATION_CHANGED("allocation changed", "one side fixes the region with reg, the other asks a size placed at boot"),
		NO_MAP_CHANGED("no-map changed", "no-map is on one side only"),
		REUSABLE_CHANGED("reusable changed", "reusable is on one side only"),
		DEFAULT_POOL_CHANGED("default pool changed", "linux,cma-default or linux,dma-default is on one side only"),
		COMPATIBLE_CHANGED("compatible changed", "the compatible strings differ"),
		STATUS_CHANGED("status changed", "the status differs (a disabled region is not reserved)"),
		BANK_ADDED("bank added", "a /memory node only the right side has"),
		BANK_REMOVED("bank removed", "a /memory node only the left side has"),
		BANK_CHANGED("bank changed", "a /memory node's reg differs"),
		MEMRESERVE_ADDED("memreserve added", "a /memreserve/ entry only the right side has"),
		MEMRESERVE_REMOVED("memreserve removed", "a /memreserve/ entry only the left side has"),
		MEMRESERVE_CHANGED("memreserve changed", "the /memreserve/ entry at the same index differs");

		private final String word;
		private final String description;

		Kind(String word, String description) {
			this.word = word;
			this.description = description;
		}

		/** How a message names this kind: "resized". */
		public String word() {
			return word;
		}

		public String description() {
			return description;
		}
	}

	/** The path a report names: the left one when there is one. */
	public String path() {
		return leftPath != null ? leftPath : rightPath;
	}

	/**
	 * The difference in words, naming the sides as the front end calls them: "resized: 0x800000 in the source,
	 * 0xa00000 in board.dtb".
	 */
	public String message(String leftName, String rightName) {
		return kind.word() + ": " + side(leftValue, leftName) + ", " + side(rightValue, rightName);
	}

	private static String side(String value, String name) {
		return value == null ? "not in " + name : value + " in " + name;
	}
}

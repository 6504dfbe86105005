package dev.carveout.memmap.rules;

import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Severity;

/** R1: /reserved-memory must use the root's cell sizes and have "ranges", or Linux ignores all of it. */
final class ReservedMemoryFormat extends AbstractRule {

	ReservedMemoryFormat() {
		super("R1", "reserved_memory_format", Severity.ERROR,
				"drivers/of/of_reserved_mem.c: __reserved_mem_check_root() then \"unsupported node format, ignoring\"",
				"/reserved-memory in a format Linux ignores. /reserved-memory without the root's #address-cells and #size-cells, or without ranges: Linux prints \"unsupported node format, ignoring\" and ignores the whole node, so no carve-out of the board is reserved.");
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		MemoryMap map = context.map();
		if (!map.kernelIgnoresReservedMemory()) {
			return;
		}
		MemoryMap.ReservedMemory node = map.reservedMemory();
		String message = String.format(
				"Linux ignores all of /reserved-memory (\"unsupported node format, ignoring\"): it needs #address-cells = <%d>, #size-cells = <%d> (the root's) and ranges; it has #address-cells %s, #size-cells %s, %s",
				map.rootAddressCells(), map.rootSizeCells(), cells(node.addressCells()), cells(node.sizeCells()),
				node.hasRanges() ? "ranges" : "no ranges");
		sink.accept(finding(message, node.definedAt(), node.path()));
	}

	private static String cells(Integer value) {
		return value == null ? "absent" : "<" + value + ">";
	}
}

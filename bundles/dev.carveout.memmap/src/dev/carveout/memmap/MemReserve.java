package dev.carveout.memmap;

/** A /memreserve/ entry of the flattened-tree header. */
public record MemReserve(int index, AddressRange range, SourceRef definedAt) {
}

package dev.carveout.dts.fdt;

import java.util.Arrays;

/** A property of a flattened tree: its name from the strings block and its value as the raw bytes. */
public record FdtProperty(String name, byte[] value) {

	@Override
	public boolean equals(Object other) {
		return other instanceof FdtProperty p && p.name.equals(name) && Arrays.equals(p.value, value);
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + Arrays.hashCode(value);
	}

	@Override
	public String toString() {
		return name + " (" + value.length + " bytes)";
	}
}

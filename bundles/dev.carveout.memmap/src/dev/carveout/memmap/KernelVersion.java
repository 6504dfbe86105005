package dev.carveout.memmap;

/** A Linux version as major.minor, the granularity at which the reserved-memory rules change. */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

	public static KernelVersion parse(String text) {
		String[] parts = text.trim().split("\\.");
		if (parts.length < 2) {
			throw new IllegalArgumentException("kernel version must be MAJOR.MINOR, e.g. 6.12: " + text);
		}
		try {
			return new KernelVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("kernel version must be MAJOR.MINOR, e.g. 6.12: " + text);
		}
	}

	public boolean atLeast(int otherMajor, int otherMinor) {
		return compareTo(new KernelVersion(otherMajor, otherMinor)) >= 0;
	}

	@Override
	public int compareTo(KernelVersion o) {
		return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
	}

	@Override
	public String toString() {
		return major + "." + minor;
	}
}

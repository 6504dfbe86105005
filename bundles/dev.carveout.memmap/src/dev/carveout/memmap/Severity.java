package dev.carveout.memmap;

/** How loud a finding is; ordered from quietest to loudest. */
public enum Severity {
	OFF, INFO, WARNING, ERROR;

	public boolean atLeast(Severity other) {
		return compareTo(other) >= 0;
	}
}

package dev.carveout.memmap.rules;

import dev.carveout.memmap.Region;
import dev.carveout.memmap.Severity;

/**
 * R12: the unit address must be the first reg base, in lower-case hex without "0x" or leading zeros. The value
 * comparison is the Devicetree Specification's (section 2.2.1); dtc itself compares values only for simple-bus
 * children (simple_bus_reg), its unit_address_vs_reg checks that a unit address and reg come together.
 */
final class UnitAddressVsReg extends AbstractRule {

	UnitAddressVsReg() {
		super("R12", "unit_address_vs_reg", Severity.WARNING,
				"Devicetree Specification 2.2.1 (unit-address = first reg address); dtc checks.c: check_unit_address_format",
				"Unit address does not match reg. The unit address must be the first reg base, in lower-case hex without 0x or leading zeros (the Devicetree Specification's rule; dtc's unit_address_format checks the form, its simple_bus_reg the value on simple-bus children); the kernel names the region (and prints it at boot) by the node name.");
	}

	@Override
	public void check(RuleContext context, Sink sink) {
		for (Region region : context.map().regions()) {
			String unit = region.unitAddress();
			if (unit == null || region.reg() == null || region.reg().isEmpty()) {
				continue;
			}
			String expected = Long.toHexString(region.reg().get(0).base());
			if (unit.startsWith("0x") || unit.startsWith("0X")) {
				report(region, sink, "unit address \"" + unit + "\" must not start with \"0x\" (dtc: unit_address_format); write @" + expected);
			} else if (unit.length() > 1 && unit.startsWith("0")) {
				report(region, sink, "unit address \"" + unit + "\" has leading zeros (dtc: unit_address_format); write @" + expected);
			} else if (!unit.equals(expected)) {
				report(region, sink, "unit address @" + unit + " differs from the first reg base 0x" + expected
						+ " (the Devicetree Specification's unit-address rule; dtc only checks it on simple-bus children)");
			}
		}
	}

	private void report(Region region, Sink sink, String message) {
		sink.accept(finding(message, region.definedAt(""), region.path()));
	}
}

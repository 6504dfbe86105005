package dev.carveout.memmap.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.carveout.memmap.Finding;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Severity;

/**
 * The rules to run and how loud each one is. {@link Rules#ALL} is the table of every rule; a rule set
 * only changes severities (OFF silences a rule).
 */
public final class RuleSet {

	private final Map<String, Severity> severities;

	private RuleSet(Map<String, Severity> severities) {
		this.severities = Map.copyOf(severities);
	}

	public static RuleSet defaults() {
		return new RuleSet(Map.of());
	}

	public RuleSet withSeverity(String ruleId, Severity severity) {
		if (Rules.byId(ruleId) == null) {
			throw new IllegalArgumentException("unknown rule: " + ruleId);
		}
		Map<String, Severity> changed = new LinkedHashMap<>(severities);
		changed.put(ruleId, severity);
		return new RuleSet(changed);
	}

	public Severity severityOf(Rule rule) {
		return severities.getOrDefault(rule.id(), rule.defaultSeverity());
	}

	public List<Finding> check(MemoryMap map, KernelProfile profile) {
		List<Finding> findings = new ArrayList<>();
		if (map == null) {
			return findings;
		}
		RuleContext context = new RuleContext(map, profile);
		for (Rule rule : Rules.ALL) {
			Severity severity = severityOf(rule);
			if (severity != Severity.OFF) {
				rule.check(context, finding -> findings.add(finding.withSeverity(severity)));
			}
		}
		return findings;
	}
}

package dev.carveout.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.FixOffer;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.dts.fix.TextEdit;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;
import dev.carveout.memmap.SourceRef;

/**
 * One SARIF 2.1.0 log for a whole {@code carveout check} run: every input in one run object, the rules with
 * their help and kernel citation, each finding located in the original file that has it (a .dtsi, a header)
 * and the engine's quick fixes as SARIF fixes. Result regions are lines and 1-based UTF-16 columns, as the
 * engine counts; fix regions are character offsets into the file as read from disk, so a CRLF file is edited
 * exactly where the engine would edit it.
 */
final class SarifReport {

	static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
	private static final String SRCROOT = "SRCROOT";
	private static final String INFORMATION_URI = "https://carveout.dev/";
	/** Unlike JsonReport's, no nulls: SARIF's schema has no null values, an absent property is the default. */
	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

	private final URI root;
	private final QuickFixes quickFixes;
	private final JsonArray results = new JsonArray();
	private final JsonArray notifications = new JsonArray();
	/** Files as read from disk, to turn an offset and length into an end line and column. */
	private final Map<Path, Optional<String>> texts = new HashMap<>();

	/** @param root the directory artifact URIs are relative to (SRCROOT): the current directory */
	SarifReport(Path root, BoardChecker checker) {
		this.root = root.toAbsolutePath().normalize().toUri();
		this.quickFixes = new QuickFixes(checker);
	}

	void add(CheckResult result) {
		for (Finding finding : result.findings()) {
			results.add(result(finding, result));
		}
	}

	/** A problem with the run's input that is no finding of a board (a missing file): a tool notification. */
	void inputProblem(String message) {
		JsonObject notification = new JsonObject();
		notification.addProperty("level", "error");
		notification.add("message", text(message));
		notifications.add(notification);
	}

	String toJson() {
		JsonObject run = new JsonObject();
		run.add("tool", tool());
		JsonObject srcroot = new JsonObject();
		srcroot.addProperty("uri", root.toString());
		JsonObject baseIds = new JsonObject();
		baseIds.add(SRCROOT, srcroot);
		run.add("originalUriBaseIds", baseIds);
		JsonObject invocation = new JsonObject();
		invocation.addProperty("executionSuccessful", notifications.isEmpty());
		invocation.add("toolExecutionNotifications", notifications);
		JsonArray invocations = new JsonArray();
		invocations.add(invocation);
		run.add("invocations", invocations);
		run.addProperty("columnKind", "utf16CodeUnits");
		run.add("results", results);
		JsonObject log = new JsonObject();
		log.addProperty("$schema", SCHEMA);
		log.addProperty("version", "2.1.0");
		JsonArray runs = new JsonArray();
		runs.add(run);
		log.add("runs", runs);
		return GSON.toJson(log);
	}

	private static JsonObject tool() {
		JsonObject driver = new JsonObject();
		driver.addProperty("name", "Carveout");
		Bundle bundle = FrameworkUtil.getBundle(SarifReport.class);
		Version version = bundle == null ? Version.emptyVersion : bundle.getVersion();
		driver.addProperty("version", version.toString());
		driver.addProperty("semanticVersion", version.getMajor() + "." + version.getMinor() + "." + version.getMicro());
		driver.addProperty("informationUri", INFORMATION_URI);
		JsonArray rules = new JsonArray();
		for (ReportedRule rule : ReportedRule.ALL) {
			JsonObject o = new JsonObject();
			o.addProperty("id", rule.id());
			o.addProperty("name", rule.name());
			o.add("shortDescription", text(rule.title()));
			o.add("fullDescription", text(rule.description()));
			JsonObject help = new JsonObject();
			help.addProperty("text", rule.description() + "\nModels: " + rule.citation());
			help.addProperty("markdown", rule.description() + "\n\nModels: `" + rule.citation() + "`");
			o.add("help", help);
			JsonObject configuration = new JsonObject();
			configuration.addProperty("level", level(rule.defaultSeverity()));
			o.add("defaultConfiguration", configuration);
			rules.add(o);
		}
		driver.add("rules", rules);
		JsonObject tool = new JsonObject();
		tool.add("driver", driver);
		return tool;
	}

	private JsonObject result(Finding finding, CheckResult board) {
		JsonObject o = new JsonObject();
		o.addProperty("ruleId", finding.ruleId());
		int index = ReportedRule.indexOf(finding.ruleId());
		if (index >= 0) {
			o.addProperty("ruleIndex", index);
		}
		o.addProperty("level", level(finding.severity()));
		FixOffer offer = quickFixes.offer(finding, board, SourceOverlay.NONE);
		String message = (finding.nodePath() == null ? "" : finding.nodePath() + ": ") + finding.message()
				+ (offer.whyNone() == null ? "" : " (" + offer.whyNone() + ")");
		o.add("message", text(message));
		if (finding.at().isKnown()) {
			JsonObject location = location(finding.at());
			if (finding.nodePath() != null) {
				JsonObject logical = new JsonObject();
				logical.addProperty("fullyQualifiedName", finding.nodePath());
				JsonArray logicals = new JsonArray();
				logicals.add(logical);
				location.add("logicalLocations", logicals);
			}
			JsonArray locations = new JsonArray();
			locations.add(location);
			o.add("locations", locations);
		}
		JsonArray related = new JsonArray();
		for (Finding.Related other : finding.related()) {
			if (other.at().isKnown()) {
				JsonObject location = location(other.at());
				location.addProperty("id", related.size() + 1);
				location.add("message", text(other.what()));
				related.add(location);
			}
		}
		if (!related.isEmpty()) {
			o.add("relatedLocations", related);
		}
		JsonArray fixes = new JsonArray();
		offer.fixes().forEach(fix -> fixes.add(fix(fix)));
		if (!fixes.isEmpty()) {
			o.add("fixes", fixes);
		}
		return o;
	}

	private JsonObject location(SourceRef at) {
		JsonObject region = new JsonObject();
		region.addProperty("startLine", at.line());
		region.addProperty("startColumn", at.column());
		text(at.file()).ifPresent(text -> {
			int[] end = end(text, at);
			if (end != null) {
				region.addProperty("endLine", end[0]);
				region.addProperty("endColumn", end[1]);
			}
		});
		JsonObject physical = new JsonObject();
		physical.add("artifactLocation", artifact(at.file()));
		physical.add("region", region);
		JsonObject location = new JsonObject();
		location.add("physicalLocation", physical);
		return location;
	}

	/**
	 * Where the finding's text ends: after its length, or at the end of its line when the engine knows only
	 * where it starts (a preprocessor message). Null when the reference does not fit the file.
	 */
	private static int[] end(String text, SourceRef at) {
		int start = at.offset();
		if (start > text.length()) {
			return null;
		}
		int end;
		if (at.length() > 0) {
			end = Math.min(text.length(), start + at.length());
		} else {
			end = start;
			while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
		}
		int line = at.line() + (int) text.substring(start, end).chars().filter(c -> c == '\n').count();
		int lineStart = end == 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
		return new int[] { line, end - lineStart + 1 };
	}

	private JsonObject fix(Fix fix) {
		JsonArray changes = new JsonArray();
		for (Path file : fix.files().stream().sorted().toList()) {
			JsonArray replacements = new JsonArray();
			for (TextEdit edit : fix.editsOf(file).stream().sorted(Comparator.comparingInt(TextEdit::offset)).toList()) {
				JsonObject deleted = new JsonObject();
				deleted.addProperty("charOffset", edit.offset());
				deleted.addProperty("charLength", edit.length());
				JsonObject replacement = new JsonObject();
				replacement.add("deletedRegion", deleted);
				if (!edit.text().isEmpty()) {
					JsonObject inserted = new JsonObject();
					inserted.addProperty("text", edit.text());
					replacement.add("insertedContent", inserted);
				}
				replacements.add(replacement);
			}
			JsonObject change = new JsonObject();
			change.add("artifactLocation", artifact(file));
			change.add("replacements", replacements);
			changes.add(change);
		}
		JsonObject o = new JsonObject();
		o.add("description", text(fix.label()));
		o.add("artifactChanges", changes);
		return o;
	}

	/** Relative to SRCROOT when the file is under it, so the log is valid on another checkout; else absolute. */
	private JsonObject artifact(Path file) {
		URI uri = file.toAbsolutePath().normalize().toUri();
		URI relative = root.relativize(uri);
		JsonObject o = new JsonObject();
		if (!relative.isAbsolute()) {
			o.addProperty("uri", relative.toString());
			o.addProperty("uriBaseId", SRCROOT);
		} else {
			o.addProperty("uri", uri.toString());
		}
		return o;
	}

	private Optional<String> text(Path file) {
		return texts.computeIfAbsent(file, f -> {
			try {
				return Optional.of(Files.readString(f));
			} catch (IOException e) {
				return Optional.empty();
			}
		});
	}

	private static JsonObject text(String message) {
		JsonObject o = new JsonObject();
		o.addProperty("text", message);
		return o;
	}

	static String level(Severity severity) {
		return switch (severity) {
			case ERROR -> "error";
			case WARNING -> "warning";
			default -> "note";
		};
	}
}

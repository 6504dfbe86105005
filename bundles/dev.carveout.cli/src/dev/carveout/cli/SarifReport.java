package dev.carveout.cli;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.InternalFailure;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.FixOffer;
import dev.carveout.dts.fix.QuickFixes;
import dev.carveout.dts.fix.TextEdit;
import dev.carveout.memmap.Finding;
import dev.carveout.memmap.Severity;

/**
 * One SARIF 2.1.0 log for a whole {@code carveout check} run: every input in one run object, the rules with
 * their help and kernel citation, each finding located in the original file that has it (a .dtsi, a header)
 * and the engine's quick fixes as SARIF fixes. Result regions are lines and 1-based UTF-16 columns, as the
 * engine counts (SarifLocations); fix regions are character offsets into the file as read from disk, so a CRLF
 * file is edited exactly where the engine would edit it.
 */
final class SarifReport {

	static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
	private static final String INFORMATION_URI = "https://carveout.dev/";
	/** Unlike JsonReport's, no nulls: SARIF's schema has no null values, an absent property is the default. */
	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

	private final Path root;
	private final QuickFixes quickFixes;
	private final JsonArray results = new JsonArray();
	private final JsonArray notifications = new JsonArray();

	/** @param root the directory artifact URIs are relative to (SRCROOT): the current directory */
	SarifReport(Path root, BoardChecker checker) {
		this(root, checker, true);
	}

	/**
	 * @param onDisk whether the findings' files are the files on disk; when not (diff's head revision), fixes,
	 *               which edit the files on disk, and regions' ends, which read them, are left out
	 */
	SarifReport(Path root, BoardChecker checker, boolean onDisk) {
		this.root = root;
		this.quickFixes = onDisk ? new QuickFixes(checker) : null;
	}

	/** One board's results; safe to call from several threads (each board gets its own file reads). */
	JsonArray resultsOf(CheckResult board) {
		SarifLocations where = new SarifLocations(root, quickFixes != null);
		JsonArray boardResults = new JsonArray();
		for (Finding finding : board.findings()) {
			boardResults.add(result(finding, board, where));
		}
		return boardResults;
	}

	/** Adds a board's results to the log, in the order of the inputs. */
	void add(JsonArray boardResults) {
		results.addAll(boardResults);
	}

	/** A problem with the run's input that is no finding of a board (a missing file): a tool notification. */
	void inputProblem(String message) {
		JsonObject notification = new JsonObject();
		notification.addProperty("level", "error");
		notification.add("message", text(message));
		notifications.add(notification);
	}

	/** Carveout failed on a board (its result is an internal finding): the run did not succeed, and says where. */
	void internalFailure(Path board) {
		JsonObject notification = new JsonObject();
		notification.addProperty("level", "error");
		notification.add("message", text("Carveout failed on " + board + "; its result is an internal finding"));
		JsonObject rule = new JsonObject();
		rule.addProperty("id", InternalFailure.RULE);
		rule.addProperty("index", ReportedRule.indexOf(InternalFailure.RULE));
		notification.add("associatedRule", rule);
		notifications.add(notification);
	}

	String toJson() {
		JsonObject run = new JsonObject();
		run.add("tool", tool());
		run.add("originalUriBaseIds", new SarifLocations(root).baseIds());
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

	private JsonObject result(Finding finding, CheckResult board, SarifLocations where) {
		JsonObject o = new JsonObject();
		o.addProperty("ruleId", finding.ruleId());
		int index = ReportedRule.indexOf(finding.ruleId());
		if (index >= 0) {
			o.addProperty("ruleIndex", index);
		}
		o.addProperty("level", level(finding.severity()));
		FixOffer offer = quickFixes == null ? new FixOffer(List.of(), null) : quickFixes.offer(finding, board, SourceOverlay.NONE);
		String message = DtcStyle.text(finding) + (offer.whyNone() == null ? "" : " (" + offer.whyNone() + ")");
		o.add("message", text(message));
		if (finding.at().isKnown()) {
			JsonObject location = where.of(finding.at());
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
				JsonObject location = where.of(other.at());
				location.addProperty("id", related.size() + 1);
				location.add("message", text(other.what()));
				related.add(location);
			}
		}
		if (!related.isEmpty()) {
			o.add("relatedLocations", related);
		}
		JsonArray fixes = new JsonArray();
		offer.fixes().forEach(fix -> fixes.add(fix(fix, where)));
		if (!fixes.isEmpty()) {
			o.add("fixes", fixes);
		}
		return o;
	}

	private static JsonObject fix(Fix fix, SarifLocations where) {
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
			change.add("artifactLocation", where.artifact(file));
			change.add("replacements", replacements);
			changes.add(change);
		}
		JsonObject o = new JsonObject();
		o.add("description", text(fix.label()));
		o.add("artifactChanges", changes);
		return o;
	}

	static JsonObject text(String message) {
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

package dev.carveout.target.heaps;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * The probe's JSON (snake_case field names, one object) to a {@link HeapReport} and back. Gson maps the records
 * by their component names, so the format is written down once: in the C program and in {@link HeapReport}.
 */
public final class HeapReportJson {

	public static final String PROBE = "carveout-heap-probe";
	public static final int FORMAT = 1;

	private static final Gson GSON = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
			.disableHtmlEscaping().create();

	private HeapReportJson() {
	}

	/**
	 * @throws ProbeException when the text is not the JSON of our probe in this format; the message quotes the
	 *                        start of what came instead
	 */
	public static HeapReport parse(String json) throws ProbeException {
		HeapReport report;
		try {
			report = GSON.fromJson(json, HeapReport.class);
		} catch (JsonParseException | IllegalArgumentException e) {
			throw new ProbeException("The heap probe's output is not valid JSON (" + e.getMessage() + "): " + excerpt(json), e);
		}
		if (report == null || !PROBE.equals(report.probe())) {
			throw new ProbeException("Not the output of " + PROBE + ": " + excerpt(json), null);
		}
		if (report.format() != FORMAT) {
			throw new ProbeException(PROBE + " wrote format " + report.format() + ", this Carveout reads format " + FORMAT, null);
		}
		return report;
	}

	public static String toJson(HeapReport report) {
		return GSON.toJson(report);
	}

	private static String excerpt(String text) {
		if (text == null || text.isBlank()) {
			return "(nothing)";
		}
		String line = text.strip();
		return line.length() > 200 ? line.substring(0, 200) + "…" : line;
	}
}

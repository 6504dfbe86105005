package dev.carveout.dts.corpus.dtcerr;

import java.util.List;

/**
 * What one side made of a case: accepted or not, and the places of its errors (dtc's FATAL ERRORs have none).
 * {@code detail} is the tool's own words, for the report.
 */
record Verdict(boolean accepted, List<Place> errors, String detail) {
}

package dev.carveout.dts.corpus.dtcerr;

/** Names the faults add, which no corpus board has (outside the enum: its constants cannot use its own fields). */
final class Names {

	static final String NODE = "dtcerr-node";

	private Names() {
	}
}

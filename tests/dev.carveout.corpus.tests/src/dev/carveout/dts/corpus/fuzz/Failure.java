package dev.carveout.dts.corpus.fuzz;

/** What went wrong with one input; {@code kind} decides whether a smaller input still fails the same way. */
record Failure(Kind kind, String detail) {

	enum Kind {
		/** A Throwable escaped the engine, or it reported an internal error. */
		EXCEPTION,
		/** No answer within the per-input bound. */
		HANG,
		/** No result, or a result without findings list or files. */
		MISSING_RESULT,
		/** A finding located past the end of its file. */
		BEYOND_FILE
	}
}

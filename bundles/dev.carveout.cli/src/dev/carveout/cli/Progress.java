package dev.carveout.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** "[ 12/1118] qcom/sm8550-qrd.dts" rewritten in place on a terminal while --all-boards runs; silent elsewhere. */
final class Progress {

	private final PrintStream err;
	private final boolean shown;
	private final int total;
	private int done;

	Progress(PrintStream err, boolean shown, int total) {
		this.err = err;
		this.shown = shown;
		this.total = total;
	}

	void next(Path board) {
		done++;
		if (shown) {
			String name = board.getParent().getFileName() + "/" + board.getFileName();
			err.printf("\r[%" + String.valueOf(total).length() + "d/%d] %-60.60s", done, total, name);
		}
	}

	void done() {
		if (shown) {
			err.print("\r" + " ".repeat(80) + "\r");
		}
	}
}

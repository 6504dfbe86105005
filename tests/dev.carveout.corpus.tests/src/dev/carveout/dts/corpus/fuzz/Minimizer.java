package dev.carveout.dts.corpus.fuzz;

import java.io.IOException;
import java.util.Arrays;

/**
 * Shrinks a failing input while it still fails the same way: delta debugging (Zeller's ddmin) over lines, then
 * over bytes, within a budget of checks so that a slow failure cannot stall the run.
 */
final class Minimizer {

	private final Oracle oracle;
	private int budget;

	Minimizer(Oracle oracle, int budget) {
		this.oracle = oracle;
		this.budget = budget;
	}

	FuzzInput minimize(FuzzInput input, Failure.Kind kind) throws IOException, InterruptedException {
		if (kind == Failure.Kind.HANG) {
			return input; // each try would wait the whole bound
		}
		FuzzInput smallest = input;
		for (boolean lines : new boolean[] { true, false }) {
			int chunks = 2;
			while (budget > 0) {
				int[] cuts = cuts(smallest.bytes(), chunks, lines);
				int pieces = cuts.length - 1;
				FuzzInput reduced = null;
				for (int c = 0; c < pieces && budget > 0 && reduced == null; c++) {
					FuzzInput candidate = smallest.withBytes(Mutation.splice(smallest.bytes(), cuts[c], cuts[c + 1], new byte[0]));
					budget--;
					Failure failure = oracle.judge(candidate);
					if (failure != null && failure.kind() == kind) {
						reduced = candidate;
					}
				}
				if (reduced != null) {
					smallest = reduced;
					chunks = Math.max(chunks - 1, 2);
				} else if (chunks >= pieces) {
					break; // every piece is needed at this granularity
				} else {
					chunks = Math.min(chunks * 2, pieces);
				}
			}
		}
		return smallest;
	}

	/** Offsets cutting the bytes into about {@code chunks} pieces, at line ends when {@code lines}. */
	private static int[] cuts(byte[] bytes, int chunks, boolean lines) {
		int[] cuts = new int[chunks + 1];
		int n = 1;
		for (int c = 1; c < chunks; c++) {
			int at = (int) ((long) bytes.length * c / chunks);
			while (lines && at > 0 && at < bytes.length && bytes[at - 1] != '\n') {
				at++;
			}
			if (at > cuts[n - 1] && at < bytes.length) {
				cuts[n++] = at;
			}
		}
		cuts[n++] = bytes.length;
		return Arrays.copyOf(cuts, n);
	}
}

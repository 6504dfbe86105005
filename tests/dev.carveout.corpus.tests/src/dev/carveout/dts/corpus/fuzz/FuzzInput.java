package dev.carveout.dts.corpus.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One fuzzed input: a corpus board checked with one of its files (the board itself or a .dtsi or header it
 * includes) replaced by mutated bytes, and the mutations that made them.
 */
record FuzzInput(Path board, Path mutatedFile, byte[] bytes, List<Mutation> mutations, long seed) {

	FuzzInput withBytes(byte[] other) {
		return new FuzzInput(board, mutatedFile, other, mutations, seed);
	}

	String describe() {
		return "board " + board + "\nmutated file " + mutatedFile + "\nmutations " + mutations + "\nseed " + seed
				+ "\nbytes " + bytes.length;
	}

	/** The mutated text as the engine reads it when it stands in for a file in an editor buffer. */
	String text() {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}

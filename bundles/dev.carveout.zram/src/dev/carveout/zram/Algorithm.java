package dev.carveout.zram;

/**
 * One compression algorithm of {@code compression-algorithm}, with the parameters given in parentheses
 * ({@code zstd(level=3,dict=/x)}); the first of the list compresses, the others recompress.
 *
 * @param params as zram-generator hands them to algorithm_params: the text in parentheses, commas made spaces
 */
public record Algorithm(String name, String params) {

	public boolean hasParams() {
		return !params.isBlank();
	}

	@Override
	public String toString() {
		return hasParams() ? name + "(" + params.strip().replace(' ', ',') + ")" : name;
	}
}

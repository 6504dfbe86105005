package dev.carveout.zram;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One compression algorithm of {@code compression-algorithm}, with the parameters given in parentheses
 * ({@code zstd(level=3)}); the first of the list compresses, the others recompress.
 */
public record Algorithm(String name, Map<String, String> params) {

	public Algorithm {
		params = Map.copyOf(params);
	}

	/** The parameters as the kernel's algorithm_params reads them: {@code level=3 dict=/path}, sorted by name. */
	public String paramsForKernel() {
		return params.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining(" "));
	}

	@Override
	public String toString() {
		return params.isEmpty() ? name : name + "(" + paramsForKernel().replace(' ', ',') + ")";
	}
}

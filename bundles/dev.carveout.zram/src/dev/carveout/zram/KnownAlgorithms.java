package dev.carveout.zram;

import java.util.Set;

/** The compression backends Linux's zram driver can be built with (drivers/block/zram/backend_*.c, 6.12). */
public final class KnownAlgorithms {

	public static final Set<String> NAMES = Set.of("lzo", "lzo-rle", "lz4", "lz4hc", "zstd", "842", "deflate");

	/** The parameters algorithm_params accepts besides algo= and priority= (6.12). */
	public static final Set<String> PARAMETERS = Set.of("level", "dict");

	private KnownAlgorithms() {
	}
}

package dev.carveout.dts.corpus.dtcerr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case i of seed S: fault kind i mod the number of kinds, that kind's variants in turn, and, from a random of S + i, the
 * base (a corpus board one time in four, else one of the small boards) and the variant's choices. The same seed and
 * count give the same cases.
 */
final class CaseGenerator {

	/** A label on a node in cpp's output: "uart0: serial@1000 {". */
	private static final Pattern NODE_LABEL = Pattern.compile("\\b([A-Za-z_]\\w*):\\s*[\\w,.+\\-]+(?:@[\\w,.+\\-]+)?\\s*\\{");

	private final List<Path> corpusBoards;
	private final KbuildDtc dtc;
	private final Map<Path, BaseBoard> corpusBases = new ConcurrentHashMap<>();

	CaseGenerator(List<Path> corpusBoards, KbuildDtc dtc) {
		this.corpusBoards = corpusBoards;
		this.dtc = dtc;
	}

	FaultCase make(int index, long seed) throws IOException, InterruptedException {
		FaultKind[] kinds = FaultKind.values();
		FaultKind kind = kinds[index % kinds.length];
		List<FaultKind.Variant> variants = kind.variants();
		FaultKind.Variant variant = variants.get(index / kinds.length % variants.size());
		// Random(S + i) for neighbouring i starts alike (its first small draws repeat); SplittableRandom mixes the seed
		Random random = new Random(new SplittableRandom(seed + index).nextLong());
		BaseBoard base = switch (random.nextInt(4)) {
			case 0 -> corpusBase(corpusBoards.get(random.nextInt(corpusBoards.size())));
			case 1 -> SmallBoards.WITH_INCLUDE;
			default -> SmallBoards.PLAIN;
		};
		return new FaultCase(index, kind, base, variant.apply(random, base));
	}

	private BaseBoard corpusBase(Path board) throws IOException, InterruptedException {
		BaseBoard base = corpusBases.get(board);
		if (base == null) {
			Set<String> labels = new LinkedHashSet<>();
			Matcher m = NODE_LABEL.matcher(dtc.preprocess(board));
			while (m.find()) {
				labels.add(m.group(1));
			}
			String name = board.getParent().getFileName() + "/" + board.getFileName();
			base = new BaseBoard(name, Files.readString(board), board.getParent(), Map.of(), new ArrayList<>(labels));
			corpusBases.put(board, base);
		}
		return base;
	}
}

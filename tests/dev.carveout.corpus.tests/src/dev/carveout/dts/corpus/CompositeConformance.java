package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.carveout.dts.check.KbuildComposites;

/**
 * Every composite board the arm64 Makefiles declare ("name-dtbs := base.dtb a.dtbo ...", one built on another
 * included): the base and the overlays compiled alone by the engine and applied in order must equal fdtoverlay's
 * DTB of dtc's DTBs in every node and property value. tests/corpus/composites-baseline.txt lists the composites
 * known to match.
 */
class CompositeConformance {

	@Test
	void compositesMatchFdtoverlay() throws Exception {
		Corpus corpus = Corpus.locate();
		List<Corpus.Composite> composites = corpus.composites();
		assertFalse(composites.isEmpty(), "the corpus lists no composites in composites.txt");
		OverlayConformance.assertBaselineHolds("composites", "fdtoverlay",
				Conformance.onEveryCore(composites, c -> BoardRun.of(corpus, c)));
	}

	/** The engine reads the same composites from the Makefiles as the preparation script's awk does. */
	@Test
	void theEngineReadsTheMakefilesAsThePreparationDoes() throws Exception {
		Corpus corpus = Corpus.locate();
		Path linux = corpus.root().resolve("linux");
		List<String> engine = KbuildComposites.under(linux.resolve(Corpus.BOARDS_DIR)).stream()
				.map(c -> linux.relativize(c.target()) + " " + c.parts().stream().map(p -> linux.relativize(p).toString())
						.collect(Collectors.joining(" ")))
				.sorted().toList();
		List<String> script = corpus.composites().stream()
				.map(c -> Corpus.BOARDS_DIR + c.name() + " " + c.parts().stream().map(p -> linux.relativize(p).toString())
						.collect(Collectors.joining(" ")))
				.sorted().toList();
		assertEquals(script, engine);
	}
}

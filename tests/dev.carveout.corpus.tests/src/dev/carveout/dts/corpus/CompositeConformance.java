package dev.carveout.dts.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

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
}

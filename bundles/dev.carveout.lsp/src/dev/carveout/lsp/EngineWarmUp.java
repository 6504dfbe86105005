package dev.carveout.lsp;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * A small built-in board checked a few times on a background thread when the server initializes, so the class
 * loading and first compilations of the engine (preprocessor, parser, effective tree, rules, quick fixes) are paid
 * before the first didOpen instead of by it. The initialize response does not wait for it. The board is never
 * written anywhere: its text is handed to the check as an unsaved document's.
 */
public final class EngineWarmUp {

	/** A thread of its own that does not keep the JVM alive. */
	public static final Executor BACKGROUND = task -> {
		Thread thread = new Thread(task, "carveout-warm-up");
		thread.setDaemon(true);
		thread.start();
	};

	private static final Logger LOG = Logger.getLogger(EngineWarmUp.class);
	/** Enough checks for the hot methods of a check to be compiled; each takes milliseconds once they are. */
	private static final int ROUNDS = 20;
	private static final String BOARD = """
			/dts-v1/;
			#define MIB(n) ((n) * 0x100000)
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x40000000>; };
				reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;
					fw_mem: fw@80000000 { reg = <0x0 0x80000000 0x0 MIB(2)>; no-map; };
					dsp@80100000 { reg = <0x0 0x80100000 0x0 MIB(1)>; no-map; };
					pool { compatible = "shared-dma-pool"; reusable; size = <0x0 MIB(4)>; };
				};
				dev { memory-region = <&fw_mem>; };
			};
			""";

	private final Executor executor;

	public EngineWarmUp(Executor executor) {
		this.executor = executor;
	}

	/** Hands the warm-up to the executor and returns. */
	void start(EngineSession session) {
		executor.execute(() -> run(session));
	}

	private static void run(EngineSession session) {
		Path file = Path.of(System.getProperty("java.io.tmpdir"), "carveout-warm-up", "warm-up.dts").toAbsolutePath();
		URI uri = URI.createURI(EngineSession.uriOf(file));
		try {
			for (int round = 0; round < ROUNDS; round++) {
				BoardCheck check = session.check(file, BOARD, CancelIndicator.NullImpl);
				new FindingIssues(check, session, uri).explainedIssues();
			}
		} catch (RuntimeException | LinkageError | StackOverflowError failure) {
			// Only the first document pays for it then; nothing is lost.
			LOG.warn("Carveout's warm-up check failed", failure);
		}
	}
}

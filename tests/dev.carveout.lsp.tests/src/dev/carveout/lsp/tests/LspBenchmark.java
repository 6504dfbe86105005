package dev.carveout.lsp.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import com.google.gson.JsonParser;

/**
 * What an LSP editor waits for on the largest Qualcomm SoC file of Linux 6.12: {@code ./carveout lsp} started as
 * a child process and driven over its stdin/stdout by an lsp4j client, as VS Code or Neovim would. Times didOpen
 * of qcm6490-idp.dts until its first diagnostics, then single-character {@code reg} edits in the board and in
 * sc7280.dtsi (180 KB), each from didChange until the diagnostics of the edited document (and, for the .dtsi,
 * until the board's as well), and reads the server JVM's peak resident memory (VmHWM). Not a test: run by
 * {@code tests/lsp-benchmark.sh} as a plain java program on lsp4j's jars, so only the server's own start-up is
 * in the figures and nothing of a test runtime. Usage: {@code LspBenchmark KERNEL_TREE OUT_FILE COMMAND...}.
 */
public final class LspBenchmark {

	private static final String BOARD = "arch/arm64/boot/dts/qcom/qcm6490-idp.dts";
	private static final String SOC = "arch/arm64/boot/dts/qcom/sc7280.dtsi";
	/** cdsp-secure-heap's size: 0x1e00000 typed as 0x2e00000 runs into camera@84300000 (R8), and back. */
	private static final String BOARD_EDIT = "reg = <0x0 0x81800000 0x0 0x1e00000>;";
	private static final int BOARD_EDIT_COLUMN = BOARD_EDIT.indexOf("0x1e00000") + 2;
	/** aop@80800000's base typed as 0x80700000 lands in xbl@80600000 (R8), and back: the editor benchmark's edit. */
	private static final String SOC_EDIT = "reg = <0x0 0x80800000 0x0 0x60000>;";
	private static final int SOC_EDIT_COLUMN = SOC_EDIT.indexOf("0x80800000") + 4;
	private static final int WARM_UP = 4;
	private static final int MEASURED = Integer.getInteger("carveout.benchmark.edits", 20);
	/** How long the started server is left alone before the first didOpen ("server already started"). */
	private static final long SETTLE_MS = Long.getLong("carveout.benchmark.settleMs", 5000);

	private final Recorder recorder = new Recorder();
	private final List<String> report = new ArrayList<>();
	private LanguageServer server;
	private ProcessHandle jvm;
	private int version = 1;

	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("usage: LspBenchmark KERNEL_TREE OUT_FILE COMMAND...");
			System.exit(2);
		}
		Path kernel = Path.of(args[0]).toAbsolutePath().normalize();
		Path out = Path.of(args[1]).toAbsolutePath();
		List<String> command = Arrays.asList(args).subList(2, args.length);
		new LspBenchmark().run(kernel, out, command);
		System.exit(0);
	}

	private void run(Path kernel, Path out, List<String> command) throws Exception {
		Path board = kernel.resolve(BOARD);
		Path soc = kernel.resolve(SOC);
		if (!Files.isRegularFile(board) || !Files.isRegularFile(soc)) {
			throw new IllegalArgumentException("no " + BOARD + " and " + SOC + " under " + kernel);
		}
		Files.createDirectories(out.getParent());
		Path serverLog = out.resolveSibling(out.getFileName() + ".server.log");
		report.add("load average at start: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
		report.add("server: " + String.join(" ", command));

		long started = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(serverLog.toFile());
		String jfr = System.getenv("CARVEOUT_BENCHMARK_JFR");
		if (jfr != null && !jfr.isEmpty()) {
			// The server's JVM (under the launcher script) reads it from the environment; this client's did not.
			builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
		}
		Process process = builder.start();
		try {
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(recorder, process.getInputStream(),
					process.getOutputStream());
			launcher.startListening();
			server = launcher.getRemoteProxy();
			InitializeParams init = new InitializeParams();
			init.setRootUri(kernel.toUri().toString());
			init.setInitializationOptions(JsonParser.parseString("{\"carveout\": {\"includePaths\": "
					+ "[\"scripts/dtc/include-prefixes\", \"arch/arm64/boot/dts\"], \"kernel\": \"6.12\"}}"));
			server.initialize(init).get(10, TimeUnit.MINUTES);
			report.add(String.format(Locale.ROOT, "process start to initialize response: %.0f ms", millis(started)));
			server.initialized(new InitializedParams());
			jvm = serverJvm(process);
			Thread.sleep(SETTLE_MS);

			String boardUri = board.toUri().toString();
			String socUri = soc.toUri().toString();
			String boardText = Files.readString(board);
			String socText = Files.readString(soc);
			report.add(String.format(Locale.ROOT, "didOpen %s (%d bytes), %d s after initialized, to its first diagnostics: %s",
					board.getFileName(), boardText.length(), SETTLE_MS / 1000, open(boardUri, boardText)));
			report.add(String.format(Locale.ROOT, "didOpen %s (%d bytes) with the board open, to its first diagnostics: %s",
					soc.getFileName(), socText.length(), open(socUri, socText)));

			Edits boardEdits = edit(boardUri, boardText, BOARD_EDIT, BOARD_EDIT_COLUMN, '1', '2', null);
			report.add(boardEdits.line("board edit (" + board.getFileName() + "), didChange to its diagnostics"));
			Edits socEdits = edit(socUri, socText, SOC_EDIT, SOC_EDIT_COLUMN, '8', '7', boardUri);
			report.add(socEdits.line(".dtsi edit (" + soc.getFileName() + "), didChange to its diagnostics"));
			report.add(socEdits.othersLine("same .dtsi edits, didChange to the board's diagnostics"));

			report.add(String.format(Locale.ROOT, "server JVM (pid %d): peak RSS (VmHWM) %s, RSS at the end (VmRSS) %s",
					jvm.pid(), status(jvm, "VmHWM"), status(jvm, "VmRSS")));
			report.add("load average at end: " + loadAverage());
			server.shutdown().get(30, TimeUnit.SECONDS);
			server.exit();
		} finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		Files.write(out, report);
		report.forEach(System.out::println);
		System.out.println("(written to " + out + "; server log " + serverLog + ")");
	}

	private String open(String uri, String text) throws InterruptedException {
		int before = recorder.count();
		long cpu = cpuMillis(jvm);
		long start = System.nanoTime();
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dts", version, text)));
		recorder.await(uri, before);
		return String.format(Locale.ROOT, "%.0f ms (server CPU %d ms)", millis(start), cpuMillis(jvm) - cpu);
	}

	/**
	 * Replaces one character of the line holding {@code anchor}, alternately {@code from} to {@code to} and back,
	 * and times each didChange until the edited document's diagnostics (and, with {@code otherUri}, the other
	 * document's). Each edit adds or removes an overlap, so the count of R8 diagnostics shows the answer is
	 * the new text's.
	 */
	private Edits edit(String uri, String text, String anchor, int column, char from, char to, String otherUri)
			throws InterruptedException {
		int offset = text.indexOf(anchor);
		if (offset < 0) {
			throw new IllegalStateException("'" + anchor + "' not in " + uri);
		}
		int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
		int character = offset - text.lastIndexOf('\n', offset) - 1 + column;
		Edits edits = new Edits();
		for (int i = 0; i < WARM_UP + MEASURED; i++) {
			if (i == WARM_UP) {
				edits.cpuAtStart = cpuMillis(jvm);
			}
			char typed = i % 2 == 0 ? to : from;
			int before = recorder.count();
			long start = System.nanoTime();
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
					new VersionedTextDocumentIdentifier(uri, ++version),
					List.of(new TextDocumentContentChangeEvent(new Range(new Position(line, character),
							new Position(line, character + 1)), String.valueOf(typed)))));
			List<Diagnostic> diagnostics = recorder.await(uri, before);
			double own = millis(start);
			double other = otherUri == null ? Double.NaN : awaitOther(otherUri, before, start);
			if (i >= WARM_UP) {
				edits.add(own, other, r8(diagnostics), i % 2 == 0);
			}
		}
		edits.cpuMillis = cpuMillis(jvm) - edits.cpuAtStart;
		return edits;
	}

	/**
	 * The CPU time the server's JVM has used (user and system, all threads), in ms of 10 ms ticks: unlike the wall
	 * time of an edit, it does not grow with the other work on a loaded machine.
	 */
	private static long cpuMillis(ProcessHandle process) {
		try {
			String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// After the command: state is field 3 of stat(5), utime 14 and stime 15.
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		} catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	private double awaitOther(String uri, int before, long start) throws InterruptedException {
		recorder.await(uri, before);
		return millis(start);
	}

	private static long r8(List<Diagnostic> diagnostics) {
		return diagnostics.stream().filter(d -> d.getCode() != null && d.getCode().isLeft() && "R8".equals(d.getCode().getLeft()))
				.count();
	}

	/** The JVM serving the protocol: the started process, or the java that a launcher script runs. */
	private static ProcessHandle serverJvm(Process process) {
		return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
				.findFirst().orElse(process.toHandle());
	}

	private static String status(ProcessHandle process, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
				if (line.startsWith(field + ":")) {
					long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
				}
			}
			return "(no " + field + ")";
		} catch (IOException | RuntimeException e) {
			return "(unreadable: " + e.getMessage() + ")";
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		} catch (IOException e) {
			return "(unknown)";
		}
	}

	private static double millis(long since) {
		return (System.nanoTime() - since) / 1e6;
	}

	/** The measured edits: latency of the edited document's diagnostics and the other document's. */
	private static final class Edits {
		private final List<Double> own = new ArrayList<>();
		private final List<Double> others = new ArrayList<>();
		private int stale;
		private long cpuAtStart;
		private long cpuMillis;

		void add(double ownMs, double otherMs, long overlaps, boolean shouldOverlap) {
			own.add(ownMs);
			if (!Double.isNaN(otherMs)) {
				others.add(otherMs);
			}
			if ((overlaps > 0) != shouldOverlap) {
				stale++;
			}
		}

		String line(String what) {
			return String.format(Locale.ROOT, "%s (%d edits after %d warm-up): median %.1f ms, p95 %.1f ms, max %.1f ms; "
					+ "server CPU %.0f ms an edit%s", what, own.size(), WARM_UP, percentile(own, 50), percentile(own, 95),
					Collections.max(own), cpuMillis / (double) own.size(),
					stale == 0 ? "" : "; " + stale + " answers without the edit's overlap change (stale?)");
		}

		String othersLine(String what) {
			return String.format(Locale.ROOT, "%s: median %.1f ms, p95 %.1f ms, max %.1f ms", what, percentile(others, 50),
					percentile(others, 95), Collections.max(others));
		}

		/** Nearest-rank percentile. */
		private static double percentile(List<Double> values, int p) {
			List<Double> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			int rank = (int) Math.ceil(p / 100.0 * sorted.size());
			return sorted.get(Math.max(0, rank - 1));
		}
	}

	/** Keeps every publishDiagnostics so the benchmark can wait for the next one of a document. */
	private static final class Recorder implements LanguageClient {
		private final List<PublishDiagnosticsParams> published = new ArrayList<>();

		@Override
		public synchronized void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
			published.add(diagnostics);
			notifyAll();
		}

		synchronized int count() {
			return published.size();
		}

		/** The first diagnostics for {@code uri} published after the first {@code after}; at most two minutes. */
		synchronized List<Diagnostic> await(String uri, int after) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			for (int seen = after;; seen++) {
				while (seen >= published.size()) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						throw new IllegalStateException("no diagnostics for " + uri + " within two minutes");
					}
					wait(Math.max(1, left / 1_000_000));
				}
				if (published.get(seen).getUri().equals(uri)) {
					return published.get(seen).getDiagnostics();
				}
			}
		}

		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void showMessage(MessageParams message) {
			System.err.println("server says: " + message.getMessage());
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}
	}
}

package dev.carveout.target.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.carveout.target.Fingerprints;
import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.Target;

/**
 * A real arm64 Linux board in QEMU, built and booted by the project's own scripts (releng/target-board), shared
 * by every test class of the run that uses {@code @ExtendWith(BootedBoard.class)} and stopped when the run ends.
 * Tests get the running board as a {@link Board} parameter.
 * <p>
 * The pom says where things are (system properties): {@code carveout.board.scripts} the scripts,
 * {@code carveout.board.dts} the board's device tree source, {@code carveout.board.run} a directory for this boot
 * (console log, dtb, pid). Building is cached by build-board.sh (./carveout test builds before Maven runs), so
 * here it usually only finds the cached board.
 * <p>
 * Anything missing (packages, the kernel source, a failed boot) fails the tests with the scripts' message: a
 * skipped board test would look like a passing one.
 */
public final class BootedBoard implements BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BootedBoard.class);
	// A first build compiles a kernel (4-10 minutes on 2 cores); the scripts' own timeouts bound the boot.
	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(30);
	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

	@Override
	public void beforeAll(ExtensionContext context) {
		board(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Board.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return board(context);
	}

	/** One boot per test run: the root store closes it after the last test. */
	private static Board board(ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Board.class, key -> Board.boot(),
				Board.class);
	}

	/** The running board: where to reach it, with which key, and what the build says it must be. */
	public static final class Board implements AutoCloseable {

		private final Path scripts;
		private final Path dir;
		private final Path run;
		private final Path dts;
		private final int port;
		private final Thread shutdownHook;
		private boolean stopped;

		private Board(Path scripts, Path dir, Path run, Path dts, int port) {
			this.scripts = scripts;
			this.dir = dir;
			this.run = run;
			this.dts = dts;
			this.port = port;
			// If the JVM dies before JUnit closes the store, a daemonized QEMU would outlive the build.
			this.shutdownHook = new Thread(this::stop, "stop test board");
			Runtime.getRuntime().addShutdownHook(shutdownHook);
		}

		static Board boot() {
			Path scripts = Path.of(required("carveout.board.scripts")).toAbsolutePath().normalize();
			Path dts = Path.of(required("carveout.board.dts")).toAbsolutePath().normalize();
			Path run = Path.of(required("carveout.board.run")).toAbsolutePath().normalize();
			try {
				Files.createDirectories(run);
				long t0 = System.nanoTime();
				Path buildLog = run.resolve("build-board.log");
				Path dir = Path.of(lastLine(script(scripts.resolve("build-board.sh"), buildLog, BUILD_TIMEOUT), buildLog));
				long t1 = System.nanoTime();
				Path startLog = run.resolve("start-board.log");
				int port = Integer.parseInt(lastLine(script(scripts.resolve("start-board.sh"), startLog, START_TIMEOUT,
						dir.toString(), run.toString(), dts.toString()), startLog));
				System.out.printf("BootedBoard: board %s ready in %d ms (build check %d ms, boot %d ms), ssh port %d%n",
						dir.getFileName(), ms(t0), (t1 - t0) / 1_000_000, ms(t1), port);
				return new Board(scripts, dir, run, dts, port);
			} catch (IOException e) {
				throw new IllegalStateException("Cannot build or boot the test board: " + e.getMessage(), e);
			}
		}

		public String host() {
			return "127.0.0.1";
		}

		public int port() {
			return port;
		}

		public String user() {
			return "root";
		}

		/** The private key whose public half the build put into root's authorized_keys. */
		public Path privateKey() {
			return dir.resolve("id_ed25519");
		}

		public Target target() {
			return new Target("carveout-test-board", host(), port, user(), privateKey());
		}

		/** The kernel release the build made ({@code make kernelrelease}), what {@code uname -r} must say. */
		public String kernelRelease() throws IOException {
			return Files.readString(dir.resolve("release")).trim();
		}

		/** The device tree source the board was booted with. */
		public Path dts() {
			return dts;
		}

		/** The serial console as captured so far: the kernel's log from its first line, then rcS. */
		public String console() throws IOException {
			return Files.readString(run.resolve("console.log"), StandardCharsets.UTF_8);
		}

		/** "SHA256:…" of the host key the build generated for the board's dropbear. */
		public String hostKeyFingerprint() throws IOException {
			String[] pub = Files.readString(dir.resolve("host_key.pub")).trim().split("\\s+");
			return Fingerprints.sha256(Base64.getDecoder().decode(pub[1]));
		}

		public String hostKeyType() throws IOException {
			return Files.readString(dir.resolve("host_key.pub")).trim().split("\\s+")[0];
		}

		/**
		 * Trusts the board's key on first use only if it is the key the build generated: strict checking
		 * stays on, and whatever else answers on the port is refused.
		 */
		public HostKeyPrompt buildHostKeyPrompt() throws IOException {
			String type = hostKeyType();
			String fingerprint = hostKeyFingerprint();
			return (host, keyType, presented) -> type.equals(keyType) && fingerprint.equals(presented);
		}

		@Override
		public void close() {
			stop();
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			} catch (IllegalStateException shuttingDown) {
				// the hook is running or has run: nothing to remove
			}
		}

		private synchronized void stop() {
			if (stopped) {
				return;
			}
			stopped = true;
			try {
				script(scripts.resolve("stop-board.sh"), run.resolve("stop-board.log"), STOP_TIMEOUT, run.toString(),
						dir.toString());
			} catch (IOException e) {
				System.err.println("BootedBoard: " + e.getMessage());
			}
		}

		private static String required(String property) {
			String value = System.getProperty(property);
			if (value == null || value.isBlank()) {
				throw new IllegalStateException("System property " + property
						+ " is not set: run the board tests through Maven (tests/dev.carveout.target.tests/pom.xml sets it)");
			}
			return value;
		}

		private static long ms(long since) {
			return (System.nanoTime() - since) / 1_000_000;
		}

		/**
		 * Runs one of our scripts; its stderr (progress and errors) goes to a log file, its stdout is returned.
		 * A failure is reported with the end of that log, which says what is missing.
		 */
		private static List<String> script(Path script, Path log, Duration timeout, String... args) throws IOException {
			List<String> command = new ArrayList<>();
			command.add(script.toString());
			command.addAll(List.of(args));
			// stdout to a file too, not a pipe: a daemon that kept the pipe open would make a read never end.
			Path out = Path.of(log + ".out");
			Process process = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
			String stdout;
			try {
				if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IOException(script.getFileName() + " did not finish within " + timeout.toMinutes()
							+ " min; log " + log + ":\n" + tail(log));
				}
				stdout = Files.readString(out, StandardCharsets.UTF_8);
			} catch (InterruptedException e) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while running " + script.getFileName(), e);
			}
			if (process.exitValue() != 0) {
				throw new IOException(script.getFileName() + " failed (exit " + process.exitValue() + "); log " + log
						+ ":\n" + tail(log));
			}
			return stdout.lines().toList();
		}

		/** build-board.sh prints the board directory, start-board.sh the SSH port, each as its last line. */
		private static String lastLine(List<String> stdout, Path log) throws IOException {
			if (stdout.isEmpty() || stdout.getLast().isBlank()) {
				throw new IOException("the script printed nothing; log " + log + ":\n" + tail(log));
			}
			return stdout.getLast().trim();
		}

		private static String tail(Path log) throws IOException {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
	}
}

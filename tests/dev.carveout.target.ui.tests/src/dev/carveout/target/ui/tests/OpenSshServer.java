package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.carveout.target.Target;

/**
 * The machine's real OpenSSH server on a free loopback port, with throw-away host and client keys.
 * A real sshd (not an in-process mock) is the point: boards run OpenSSH or dropbear, and JSch must
 * interoperate with them, including host key formats and pty handling.
 */
final class OpenSshServer implements AutoCloseable {

	static final Path SSHD = Path.of("/usr/sbin/sshd");
	static final String SSH_KEYGEN = "ssh-keygen";

	final Path dir;
	final int port;
	final Path hostKey;
	final Path clientKey;
	private final Process process;
	private final Path log;

	private OpenSshServer(Path dir, int port, Path hostKey, Path clientKey, Process process, Path log) {
		this.dir = dir;
		this.port = port;
		this.hostKey = hostKey;
		this.clientKey = clientKey;
		this.process = process;
		this.log = log;
	}

	static OpenSshServer start() throws Exception {
		// Fail, never skip: a missing sshd means the machine setup is broken, not that the feature works.
		assertTrue(Files.isExecutable(SSHD), SSHD + " is missing: install openssh-server (apt-get install -y openssh-server);"
				+ " the SSH tests need a real OpenSSH server");
		Path dir = Files.createTempDirectory("carveout-sshd");
		Path hostKey = dir.resolve("ssh_host_ed25519_key");
		Path clientKey = dir.resolve("client_ed25519");
		keygen(hostKey, "carveout-test-host");
		keygen(clientKey, "carveout-test-client");
		Path authorizedKeys = dir.resolve("authorized_keys");
		Files.copy(Path.of(clientKey + ".pub"), authorizedKeys);
		// sshd refuses to start without its privilege separation directory (normally made by systemd).
		Files.createDirectories(Path.of("/run/sshd"));

		int port = freeLoopbackPort();
		Path config = dir.resolve("sshd_config");
		Files.writeString(config, String.join("\n",
				"ListenAddress 127.0.0.1",
				"HostKey " + hostKey,
				"PidFile none",
				"AuthorizedKeysFile " + authorizedKeys,
				"PermitRootLogin prohibit-password",
				"PubkeyAuthentication yes",
				"PasswordAuthentication no",
				"KbdInteractiveAuthentication no",
				"UsePAM no",
				"StrictModes no",
				"PrintMotd no",
				// SFTP as boards serve it (dropbear runs sftp-server), for users who browse the board.
				"Subsystem sftp internal-sftp",
				"") );
		Path log = dir.resolve("sshd.log");
		Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString(), "-p",
				Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		OpenSshServer server = new OpenSshServer(dir, port, hostKey, clientKey, p, log);
		server.awaitListening();
		return server;
	}

	private void awaitListening() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				fail("sshd exited with " + process.exitValue() + ":\n" + log());
			}
			try (Socket s = new Socket()) {
				s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
				return;
			} catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		fail("sshd did not listen on port " + port + " within 20 s:\n" + log());
	}

	String log() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		} catch (IOException e) {
			return "(no log: " + e + ")";
		}
	}

	Target target(String name) {
		return new Target(name, "127.0.0.1", port, System.getProperty("user.name"), clientKey);
	}

	/** Lets the key whose public half is {@code pub} log in as well. */
	void authorize(Path pub) throws IOException {
		Files.writeString(dir.resolve("authorized_keys"), Files.readString(pub), StandardOpenOption.APPEND);
	}

	/** A known_hosts file that already trusts this server, so connecting asks nothing. */
	Path knownHostsTrustingIt(Path file) throws IOException {
		Files.writeString(file, knownHostsName() + " " + hostPublicKey() + "\n");
		return file;
	}

	String knownHostsName() {
		return "[127.0.0.1]:" + port;
	}

	/** The fingerprint as OpenSSH itself reports it: the reference the prompt must match. */
	String hostKeyFingerprint() throws Exception {
		return fingerprintOf(Path.of(hostKey + ".pub"));
	}

	/** "type base64" of the host public key, as it appears in known_hosts. */
	String hostPublicKey() throws IOException {
		return publicKeyOf(Path.of(hostKey + ".pub"));
	}

	static String publicKeyOf(Path pub) throws IOException {
		String[] parts = Files.readString(pub).trim().split("\\s+");
		return parts[0] + " " + parts[1];
	}

	static String fingerprintOf(Path pub) throws Exception {
		String out = run(SSH_KEYGEN, "-lf", pub.toString());
		// "256 SHA256:abc... comment (ED25519)"
		String fp = out.trim().split("\\s+")[1];
		assertTrue(fp.startsWith("SHA256:"), "unexpected ssh-keygen -lf output: " + out);
		return fp;
	}

	static void keygen(Path key, String comment) throws Exception {
		run(SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString());
	}

	static String run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(30, TimeUnit.SECONDS), Arrays.toString(command) + " timed out");
		assertEquals(0, p.exitValue(), Arrays.toString(command) + " failed: " + out);
		return out;
	}

	private static int freeLoopbackPort() throws IOException {
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return s.getLocalPort();
		}
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		try (Stream<Path> files = Files.walk(dir)) {
			List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
			for (Path f : all) {
				f.toFile().delete();
			}
		}
	}

}

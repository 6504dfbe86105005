package dev.carveout.target.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.Session;

import dev.carveout.target.HostKeyChangedException;
import dev.carveout.target.HostKeyPrompt;
import dev.carveout.target.SshConnectException;
import dev.carveout.target.SshSessions;
import dev.carveout.target.Target;

/** Host key policy of {@link SshSessions} against a real OpenSSH server. */
class SshSessionsTest extends SshdTest {


	record Asked(String host, String type, String fingerprint) {
	}

	@Test
	void unknownHostKeyIsPromptedWithOpenSshFingerprintAndRecordedOnYes() throws Exception {
		Path knownHosts = tmp.resolve("ssh/known_hosts");
		List<Asked> asked = new ArrayList<>();
		Target target = sshd.target("board");
		Session session = new SshSessions(knownHosts).open(target, (host, type, fp) -> {
			asked.add(new Asked(host, type, fp));
			return true;
		});
		try {
			assertTrue(session.isConnected());
			assertEquals("hello-from-sshd", exec(session, "echo hello-from-sshd").trim());
		} finally {
			session.disconnect();
		}
		assertEquals(List.of(new Asked(sshd.knownHostsName(), "ssh-ed25519", sshd.hostKeyFingerprint())), asked,
				"prompt must get host, key type and the fingerprint ssh-keygen -lf prints");
		String recorded = Files.readString(knownHosts);
		assertTrue(recorded.contains(sshd.knownHostsName() + " " + sshd.hostPublicKey()),
				"accepted key must be in known_hosts, got:\n" + recorded);

		// Now it is known: a second connection must not ask again (and OpenSSH's format was readable).
		Session again = new SshSessions(knownHosts).open(target, (h, t, f) -> fail("asked again for a known key"));
		assertTrue(again.isConnected());
		again.disconnect();
		// ... and OpenSSH's own client agrees with what we wrote.
		OpenSshServer.run("ssh-keygen", "-F", sshd.knownHostsName(), "-f", knownHosts.toString());
	}

	@Test
	void unknownHostKeyAnsweredNoIsRefusedAndNotRecorded() throws Exception {
		Path knownHosts = tmp.resolve("known_hosts");
		SshConnectException e = assertThrows(SshConnectException.class,
				() -> new SshSessions(knownHosts).open(sshd.target("board"), HostKeyPrompt.REJECT));
		assertFalse(e instanceof HostKeyChangedException, e.toString());
		assertFalse(Files.exists(knownHosts) && Files.readString(knownHosts).contains(sshd.hostPublicKey()));
	}

	@Test
	void changedHostKeyIsRefusedWithoutPrompting() throws Exception {
		Path impostor = tmp.resolve("impostor_key");
		OpenSshServer.keygen(impostor, "impostor");
		Path impostorPub = Path.of(impostor + ".pub");
		Path knownHosts = tmp.resolve("known_hosts");
		Files.writeString(knownHosts, "# recorded before the board was re-flashed\n" + sshd.knownHostsName() + " "
				+ OpenSshServer.publicKeyOf(impostorPub) + "\n");
		String before = Files.readString(knownHosts);

		HostKeyChangedException e = assertThrows(HostKeyChangedException.class,
				() -> new SshSessions(knownHosts).open(sshd.target("board"),
						(h, t, f) -> fail("a changed key must never be offered for acceptance")));

		String expected = sshd.hostKeyFingerprint();
		String old = OpenSshServer.fingerprintOf(impostorPub);
		assertEquals(sshd.knownHostsName(), e.host());
		assertEquals(expected, e.presentedFingerprint());
		assertTrue(e.getMessage().contains(sshd.knownHostsName()), e.getMessage());
		assertTrue(e.getMessage().contains(expected), e.getMessage());
		assertTrue(e.getMessage().contains(old), e.getMessage());
		assertEquals(before, Files.readString(knownHosts), "known_hosts must not be touched");
	}

	static String exec(Session session, String command) throws Exception {
		ChannelExec exec = (ChannelExec) session.openChannel("exec");
		exec.setCommand(command);
		var in = exec.getInputStream();
		exec.connect(10_000);
		try {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		} finally {
			exec.disconnect();
		}
	}
}

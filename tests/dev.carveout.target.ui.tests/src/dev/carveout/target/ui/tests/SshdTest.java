package dev.carveout.target.ui.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class run against its own real OpenSSH sshd on loopback, started before its first test. */
abstract class SshdTest {

	static OpenSshServer sshd;

	@TempDir
	Path tmp;

	@BeforeAll
	static void startSshd() throws Exception {
		sshd = OpenSshServer.start();
	}

	@AfterAll
	static void stopSshd() throws Exception {
		if (sshd != null) {
			sshd.close();
			sshd = null;
		}
	}
}

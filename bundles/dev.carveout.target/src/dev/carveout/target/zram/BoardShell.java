package dev.carveout.target.zram;

import java.io.IOException;
import java.time.Duration;

import com.jcraft.jsch.Session;

import dev.carveout.target.RemoteCommands;

/** Runs commands on a board. An interface so a deployment can be watched (every command it sends) in tests. */
public interface BoardShell {

	/** @param stdin sent to the command, or null */
	RemoteCommands.Result run(String command, byte[] stdin, Duration timeout) throws IOException;

	static BoardShell over(Session session) {
		return (command, stdin, timeout) -> RemoteCommands.run(session, command, stdin, timeout);
	}
}

package dev.carveout.target.ui.zram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleManager;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;

import dev.carveout.target.Target;
import dev.carveout.target.zram.DeployEvent;

/**
 * Mirrors a deployment into a console named after the target: every step, every command the board runs (as
 * {@code # command}) and everything it prints, so the engineer sees what was done to the board.
 */
final class DeployConsole implements Consumer<DeployEvent> {

	private final MessageConsoleStream out;

	DeployConsole(Target target) {
		String name = "Carveout zram: " + target.name();
		IConsoleManager manager = ConsolePlugin.getDefault().getConsoleManager();
		MessageConsole console = null;
		for (IConsole c : manager.getConsoles()) {
			if (c instanceof MessageConsole m && c.getName().equals(name)) {
				console = m;
			}
		}
		if (console == null) {
			console = new MessageConsole(name, null);
			manager.addConsoles(new IConsole[] { console });
		}
		manager.showConsoleView(console);
		out = console.newMessageStream();
	}

	void println(String line) {
		out.println(line);
	}

	@Override
	public void accept(DeployEvent event) {
		switch (event) {
		case DeployEvent.Step s -> println("== " + s.number() + (s.total() > 0 ? "/" + s.total() : "") + " " + s.title());
		case DeployEvent.Command c -> println("# " + c.command().replace("\n", "\n  "));
		case DeployEvent.Output o -> println(o.line());
		case DeployEvent.Skipped s -> println("== " + s.number() + " skipped, this kernel lacks it: " + s.title());
		case DeployEvent.Failed f -> println("!! step " + f.number() + " failed");
		case DeployEvent.RollingBack r -> println("!! rolling back to the previous zram state");
		}
	}

	void close() {
		try {
			out.close();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

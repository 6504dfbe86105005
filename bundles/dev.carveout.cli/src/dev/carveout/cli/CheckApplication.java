package dev.carveout.cli;

import java.util.Arrays;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import dev.carveout.dts.check.InternalFailure;

/** The Equinox application behind {@code ./carveout check}. */
public final class CheckApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		try {
			quietLibraryLogging();
			String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
			return new CheckCommand(System.out, System.err).run(Arrays.asList(args == null ? new String[0] : args));
		} catch (Throwable failure) {
			// Not per board (those are findings): option parsing or printing failed. Equinox would log the trace in a
			// configuration folder ./carveout deletes and exit 0; a CI job must see it fail.
			System.out.flush();
			System.err.println("carveout check: Carveout failed: " + InternalFailure.describe(failure) + "; please report it");
			return CheckCommand.INTERNAL;
		}
	}

	/** Xtext logs through log4j; a CLI prints its own findings, so only library errors reach stderr. */
	static void quietLibraryLogging() {
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		root.addAppender(new ConsoleAppender(new PatternLayout("carveout: %p %c: %m%n"), ConsoleAppender.SYSTEM_ERR));
		root.setLevel(Level.ERROR);
	}

	@Override
	public void stop() {
		// A check runs to completion; there is nothing to interrupt.
	}
}

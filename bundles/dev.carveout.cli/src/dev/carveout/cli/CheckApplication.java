package dev.carveout.cli;

import java.util.Arrays;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Equinox application behind {@code ./carveout check}. */
public final class CheckApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		return new CheckCommand(System.out, System.err).run(Arrays.asList(args == null ? new String[0] : args));
	}

	@Override
	public void stop() {
		// A check runs to completion; there is nothing to interrupt.
	}
}

package dev.carveout.cli;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import dev.carveout.dts.check.InternalFailure;

/** The Equinox application behind {@code ./carveout diff}, run in the caller's folder as check is. */
public final class DiffApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		try {
			CheckApplication.quietLibraryLogging();
			String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
			return new DiffCommand(System.out, System.err, Path.of("")).run(Arrays.asList(args == null ? new String[0] : args));
		} catch (Throwable failure) {
			// as in check: a CI job must see Carveout fail, not an exit status 0 from Equinox
			System.out.flush();
			System.err.println("carveout diff: Carveout failed: " + InternalFailure.describe(failure) + "; please report it");
			return CheckCommand.INTERNAL;
		}
	}

	@Override
	public void stop() {
		// a diff runs to completion; there is nothing to interrupt
	}
}

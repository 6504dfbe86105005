package dev.carveout.cli;

import java.io.InputStream;
import java.io.PrintStream;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import dev.carveout.lsp.CarveoutLanguageServer;

/**
 * The Equinox application behind {@code ./carveout lsp}: the language server on stdin and stdout. Stdout
 * carries the protocol and nothing else, so it is taken for the server before anything can print, and
 * System.out (and library logging) go to stderr from then on.
 */
public final class LspApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		PrintStream protocolOut = System.out;
		InputStream protocolIn = System.in;
		System.setOut(System.err);
		logToStderr();
		context.applicationRunning();
		// Ends when the client closes stdin; an LSP "exit" ends the process through Xtext's exit handler.
		CarveoutLanguageServer.create().serve(protocolIn, protocolOut).get();
		return IApplication.EXIT_OK;
	}

	/** Xtext logs through log4j, whose default console is stdout: warnings and errors go to stderr instead. */
	private static void logToStderr() {
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		root.addAppender(new ConsoleAppender(new PatternLayout("carveout lsp: %p %c: %m%n"), ConsoleAppender.SYSTEM_ERR));
		root.setLevel(Level.WARN);
	}

	@Override
	public void stop() {
		// The server stops when its client goes away.
	}
}

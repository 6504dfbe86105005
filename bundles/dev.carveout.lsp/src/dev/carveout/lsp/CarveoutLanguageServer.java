package dev.carveout.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.DtsRuntimeModule;
import dev.carveout.dts.ide.DtsIdeModule;

/**
 * The Carveout language server: Xtext's LanguageServerImpl for DTS with the engine's diagnostics, quick fixes,
 * hover, navigation and completion, speaking LSP over a pair of streams. One server per call, each with its
 * own session, so tests can run several in one JVM.
 */
public final class CarveoutLanguageServer {

	private final CarveoutLanguageServerImpl server;

	private CarveoutLanguageServer(CarveoutLanguageServerImpl server) {
		this.server = server;
	}

	public static CarveoutLanguageServer create() {
		return create(EngineWarmUp.BACKGROUND);
	}

	/** A server whose warm-up at initialize runs on {@code warmUps} (tests hold it back to see initialize not wait). */
	public static CarveoutLanguageServer create(Executor warmUps) {
		// Registers the DTS EPackage and gives the engine (BoardChecker, QuickFixes) its parser.
		DtsLanguage.injector();
		EngineSession session = new EngineSession();
		Injector language = Guice.createInjector(
				Modules2.mixin(new DtsRuntimeModule(), new DtsIdeModule(), new CarveoutLanguageModule(session)));
		Injector server = Guice.createInjector(Modules.override(new ServerModule())
				.with(new CarveoutServerModule(session, language, new EngineWarmUp(warmUps))));
		return new CarveoutLanguageServer(server.getInstance(CarveoutLanguageServerImpl.class));
	}

	/** Connects to a client on the streams and starts answering; the future completes when the input ends. */
	public Future<Void> serve(InputStream in, OutputStream out) {
		Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
		server.connect(launcher.getRemoteProxy());
		return launcher.startListening();
	}
}

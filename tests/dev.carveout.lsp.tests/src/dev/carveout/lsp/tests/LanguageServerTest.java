package dev.carveout.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.carveout.lsp.CarveoutLanguageServer;

/**
 * The language server as an editor sees it: an lsp4j client on pipes, a board including a .dtsi, the real
 * engine behind every answer.
 */
class LanguageServerTest {

	static final String SOC = """
			/ {
				#address-cells = <2>;
				#size-cells = <2>;
				memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x40000000>; };
				reserved_memory: reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;
					hyp_mem: hyp@80000000 { reg = <0x0 0x80000000 0x0 0x600000>; no-map; };
				};
			};
			""";

	// modem and dsp share 0x90100000..0x901fffff: R8 on modem's reg (line 6).
	static final String BOARD = """
			/dts-v1/;

			#include "soc.dtsi"

			&reserved_memory {
				modem_mem: modem@90000000 {
					reg = <0x0 0x90000000 0x0 0x200000>;
					no-map;
				};

				dsp_mem: dsp@90100000 {
					reg = <0x0 0x90100000 0x0 0x100000>;
					no-map;
				};
			};
			""";

	@TempDir
	Path dir;

	private final RecordingClient client = new RecordingClient();
	private LanguageServer server;
	private final List<PipedOutputStream> pipes = new java.util.ArrayList<>();
	private String boardUri;

	@BeforeEach
	void start() throws Exception {
		// Xtext logs through log4j: its errors belong in the test output.
		org.apache.log4j.BasicConfigurator.resetConfiguration();
		org.apache.log4j.BasicConfigurator.configure(new org.apache.log4j.ConsoleAppender(
				new org.apache.log4j.PatternLayout("%p %c: %m%n"), org.apache.log4j.ConsoleAppender.SYSTEM_ERR));
		org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.WARN);
		Files.writeString(dir.resolve("soc.dtsi"), SOC);
		Files.writeString(dir.resolve("board.dts"), BOARD);
		boardUri = dir.resolve("board.dts").toUri().toString();
		server = connect(client);

		InitializeParams init = new InitializeParams();
		init.setRootUri(dir.toUri().toString());
		init.setInitializationOptions(JsonParser.parseString(
				"{\"carveout\": {\"pageSize\": 4, \"kernel\": \"6.12\", \"rules\": {\"R13\": \"off\"}}}"));
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		CodeActionCapabilities codeActions = new CodeActionCapabilities();
		codeActions.setDisabledSupport(true);
		text.setCodeAction(codeActions);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(text);
		init.setCapabilities(capabilities);
		var result = server.initialize(init).get(60, TimeUnit.SECONDS);
		assertTrue(result.getCapabilities().getCodeActionProvider().getLeft(), "code actions advertised");
		server.initialized(new InitializedParams());
	}

	/** A fresh server in this JVM, and an lsp4j client connected to it through pipes. */
	private LanguageServer connect(RecordingClient recorder) throws IOException {
		return connect(recorder, CarveoutLanguageServer.create());
	}

	private LanguageServer connect(RecordingClient recorder, CarveoutLanguageServer carveout) throws IOException {
		PipedInputStream serverIn = new PipedInputStream(1 << 20);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 20);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		pipes.add(clientOut);
		pipes.add(serverOut);
		carveout.serve(serverIn, serverOut);
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(recorder, clientIn, clientOut);
		launcher.startListening();
		return launcher.getRemoteProxy();
	}

	@AfterEach
	void stop() throws Exception {
		server.shutdown().get(10, TimeUnit.SECONDS);
		for (PipedOutputStream pipe : pipes) {
			pipe.close();
		}
	}

	@Test
	void includePathsFromTheSettingsFindIncludes() throws Exception {
		Files.createDirectories(dir.resolve("include/soc"));
		Files.writeString(dir.resolve("include/soc/fw.dtsi"), """
				&reserved_memory {
					fw_mem: fw@80000000 { reg = <0x0 0x80100000 0x0 0x100000>; no-map; };
				};
				""");
		String board = """
				/dts-v1/;
				#include "soc.dtsi"
				#include <soc/fw.dtsi>
				""";
		String uri = dir.resolve("inc-board.dts").toUri().toString();
		Files.writeString(dir.resolve("inc-board.dts"), board);

		int before = client.publishedCount();
		open(uri, board);
		client.awaitDiagnostics(uri, before, d -> d.stream().anyMatch(x -> x.getMessage().getLeft().contains("No such file or directory")));

		int beforeChange = client.publishedCount();
		server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
				JsonParser.parseString("{\"carveout\": {\"includePaths\": [\"include\"]}}")));
		List<Diagnostic> found = client.awaitDiagnostics(uri, beforeChange, d -> hasRule(d, "R12"));
		assertFalse(found.stream().anyMatch(x -> x.getMessage().getLeft().contains("No such file or directory")), String.valueOf(found));
	}

	@Test
	void aClientWithoutWorkspaceRootIsServedToo() throws Exception {
		RecordingClient single = new RecordingClient();
		LanguageServer rootless = connect(single);
		rootless.initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
		rootless.initialized(new InitializedParams());
		rootless.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(boardUri, "dts", 1, BOARD)));
		single.awaitDiagnostics(boardUri, 0, d -> hasRule(d, "R8"));
		rootless.shutdown().get(10, TimeUnit.SECONDS);
	}

	private void open(String uri, String text) {
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dts", 1, text)));
	}

	private static boolean hasRule(List<Diagnostic> diagnostics, String rule) {
		return diagnostics.stream().anyMatch(d -> d.getCode() != null && rule.equals(d.getCode().getLeft()));
	}

	@Test
	void overlapIsDiagnosedAndItsQuickFixClearsIt() throws Exception {
		int before = client.publishedCount();
		open(boardUri, BOARD);
		List<Diagnostic> diagnostics = client.awaitDiagnostics(boardUri, before, d -> hasRule(d, "R8"));
		Diagnostic overlap = diagnostics.stream().filter(d -> "R8".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		assertEquals(new Position(6, 2), overlap.getRange().getStart(), overlap.toString());
		assertEquals(6, overlap.getRange().getEnd().getLine());
		assertTrue(overlap.getMessage().getLeft().contains("OVERLAP DETECTED"), overlap.getMessage().getLeft());
		assertEquals("carveout", overlap.getSource());

		CodeActionParams request = new CodeActionParams(new TextDocumentIdentifier(boardUri), overlap.getRange(),
				new CodeActionContext(List.of(overlap)));
		List<Either<Command, CodeAction>> actions = server.getTextDocumentService().codeAction(request).get(30, TimeUnit.SECONDS);
		assertFalse(actions.isEmpty(), "the engine has fixes for an overlap");
		CodeAction fix = actions.get(0).getRight();
		Map<String, List<TextEdit>> changes = fix.getEdit().getChanges();
		assertEquals(List.of(boardUri), List.copyOf(changes.keySet()), fix.getTitle());
		String fixed = apply(BOARD, changes.get(boardUri));
		assertFalse(fixed.equals(BOARD));

		int beforeChange = client.publishedCount();
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(boardUri, 2),
				List.of(new TextDocumentContentChangeEvent(fixed))));
		List<Diagnostic> after = client.awaitDiagnostics(boardUri, beforeChange, d -> true);
		assertFalse(hasRule(after, "R8"), fix.getTitle() + " left " + after);
	}

	/** An overlay whose carve-out lands in the base's hyp region (0x80000000, 6 MiB): R8 on its reg, line 5. */
	static final String CAMERA_DTSO = """
			/dts-v1/;
			/plugin/;

			&reserved_memory {
				cam_mem: cam@80400000 {
					reg = <0x0 0x80400000 0x0 0x100000>;
					no-map;
				};
			};
			""";

	@Test
	void anOverlayIsCheckedInTheMakefilesCompositeAndItsFixEditsTheOverlay() throws Exception {
		Files.writeString(dir.resolve("Makefile"), "dtb-y += board.dtb board-cam.dtb\nboard-cam-dtbs := board.dtb cam.dtbo\n");
		Files.writeString(dir.resolve("cam.dtso"), CAMERA_DTSO);
		String uri = dir.resolve("cam.dtso").toUri().toString();
		int before = client.publishedCount();
		open(uri, CAMERA_DTSO);
		List<Diagnostic> diagnostics = client.awaitDiagnostics(uri, before, d -> hasRule(d, "R8"));
		Diagnostic overlap = diagnostics.stream().filter(d -> "R8".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		assertEquals(new Position(5, 2), overlap.getRange().getStart(), overlap.toString());
		assertTrue(overlap.getMessage().getLeft().contains("cam@80400000") && overlap.getMessage().getLeft().contains("hyp@80000000"),
				overlap.getMessage().getLeft());
		// The base's own overlap (modem and dsp, board.dts is not open) is the base's, not the overlay's.
		assertEquals(1, diagnostics.stream().filter(d -> "R8".equals(d.getCode().getLeft())).count(), diagnostics.toString());

		List<Either<Command, CodeAction>> actions = server.getTextDocumentService().codeAction(new CodeActionParams(
				new TextDocumentIdentifier(uri), overlap.getRange(), new CodeActionContext(List.of(overlap)))).get(30, TimeUnit.SECONDS);
		assertFalse(actions.isEmpty(), "the engine has fixes for the overlay's overlap");
		CodeAction fix = actions.get(0).getRight();
		Map<String, List<TextEdit>> changes = fix.getEdit().getChanges();
		assertEquals(List.of(uri), List.copyOf(changes.keySet()), fix.getTitle());
		String fixed = apply(CAMERA_DTSO, changes.get(uri));
		int beforeChange = client.publishedCount();
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
				List.of(new TextDocumentContentChangeEvent(fixed))));
		List<Diagnostic> after = client.awaitDiagnostics(uri, beforeChange, d -> true);
		assertFalse(hasRule(after, "R8"), fix.getTitle() + " left " + after);
	}

	@Test
	void anOverlayNoMakefileListsIsCheckedOnTheOpenBoard() throws Exception {
		Files.writeString(dir.resolve("cam.dtso"), CAMERA_DTSO);
		String uri = dir.resolve("cam.dtso").toUri().toString();
		int before = client.publishedCount();
		open(uri, CAMERA_DTSO);
		// Alone, its fragment has no target: nothing to overlap.
		assertFalse(hasRule(client.awaitDiagnostics(uri, before, d -> true), "R8"));

		open(boardUri, BOARD);
		int beforeChange = client.publishedCount();
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
				List.of(new TextDocumentContentChangeEvent(CAMERA_DTSO))));
		Diagnostic overlap = client.awaitDiagnostics(uri, beforeChange, d -> hasRule(d, "R8")).stream()
				.filter(d -> "R8".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		assertEquals(new Position(5, 2), overlap.getRange().getStart(), overlap.toString());
	}

	@Test
	void aFindingAMacroKeepsFromFixingGetsADisabledActionWithTheReason() throws Exception {
		// A CMA pool off the 2 MiB boundary whose size is a macro: rounding it would mean rewriting the macro.
		String board = """
				/dts-v1/;
				#include "soc.dtsi"
				#define POOL_SIZE 0x400000
				&reserved_memory {
					pool@90100000 { compatible = "shared-dma-pool"; reusable; reg = <0x0 0x90100000 0x0 POOL_SIZE>; };
				};
				""";
		String uri = dir.resolve("pool.dts").toUri().toString();
		Files.writeString(dir.resolve("pool.dts"), board);
		int before = client.publishedCount();
		open(uri, board);
		// The reason comes with the diagnostics published after a pause in typing.
		Diagnostic misaligned = client.awaitDiagnostics(uri, before, d -> hasRule(d, "R7")
				&& d.stream().anyMatch(x -> x.getMessage().getLeft().contains("(no quick fix"))).stream()
				.filter(d -> "R7".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		assertTrue(misaligned.getMessage().getLeft().endsWith("(no quick fix: reg of pool@90100000 is written with the macro POOL_SIZE "
				+ "(pool.dts:5); a fix rewrites only plain numbers, so change it by hand)"), misaligned.getMessage().getLeft());
		List<Either<Command, CodeAction>> actions = server.getTextDocumentService().codeAction(new CodeActionParams(
				new TextDocumentIdentifier(uri), misaligned.getRange(), new CodeActionContext(List.of(misaligned)))).get(30, TimeUnit.SECONDS);
		assertEquals(1, actions.size(), actions.toString());
		CodeAction none = actions.get(0).getRight();
		assertEquals(null, none.getEdit());
		assertTrue(none.getDisabled().getReason().startsWith("no quick fix: reg of pool@90100000 is written with the macro POOL_SIZE (pool.dts:5)"),
				none.getDisabled().getReason());
	}

	@Test
	void findingsOfAnIncludedFileShowOnTheIncludeLineUntilThatFileIsOpen() throws Exception {
		// fw.dtsi's region says @80000000 but starts at 0x80100000: R12, in fw.dtsi.
		String fw = """
				&reserved_memory {
					fw_mem: fw@80000000 { reg = <0x0 0x80100000 0x0 0x100000>; no-map; };
				};
				""";
		String board = """
				/dts-v1/;
				#include "soc.dtsi"
				#include "fw.dtsi"
				""";
		Files.writeString(dir.resolve("fw.dtsi"), fw);
		Files.writeString(dir.resolve("fw-board.dts"), board);
		String fwUri = dir.resolve("fw.dtsi").toUri().toString();
		String boardUri = dir.resolve("fw-board.dts").toUri().toString();

		int before = client.publishedCount();
		open(boardUri, board);
		List<Diagnostic> onBoard = client.awaitDiagnostics(boardUri, before, d -> hasRule(d, "R12"));
		Diagnostic r12 = onBoard.stream().filter(d -> "R12".equals(d.getCode().getLeft())).findFirst().orElseThrow();
		assertEquals(2, r12.getRange().getStart().getLine(), "on the #include of fw.dtsi");
		assertTrue(r12.getMessage().getLeft().startsWith("in fw.dtsi:2: "), r12.getMessage().getLeft());

		int beforeOpen = client.publishedCount();
		open(fwUri, fw);
		List<Diagnostic> onFw = client.awaitDiagnostics(fwUri, beforeOpen, d -> hasRule(d, "R12"));
		assertEquals(1, onFw.stream().filter(d -> "R12".equals(d.getCode().getLeft())).findFirst().orElseThrow()
				.getRange().getStart().getLine());
		client.awaitDiagnostics(boardUri, beforeOpen, d -> !hasRule(d, "R12"));
	}

	@Test
	void onlyWhatTheClientOpensIsBuilt() throws Exception {
		int before = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, before, d -> hasRule(d, "R8"));
		assertFalse(client.publishedFor(dir.resolve("soc.dtsi").toUri().toString()),
				"soc.dtsi is read by the engine for the board, not built by Xtext at start");
	}

	@Test
	void hoverShowsTheRegionAndWhereItsRegWasDefined() throws Exception {
		int before = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, before, d -> true);
		Hover hover = server.getTextDocumentService()
				.hover(new HoverParams(new TextDocumentIdentifier(boardUri), new Position(11, 4))).get(30, TimeUnit.SECONDS);
		assertNotNull(hover);
		String text = hover.getContents().getRight().getValue();
		assertTrue(text.contains("dsp@90100000"), text);
		assertTrue(text.contains("0x90100000–0x901fffff, size 0x100000"), text);
		assertTrue(text.contains("(1 MiB)"), text);
		assertTrue(text.contains("no-map"), text);
		assertTrue(text.contains("`reg` defined at board.dts:12"), text);
	}

	@Test
	void definitionOfALabelAndOfAnIncludeGoesToTheDtsi() throws Exception {
		int before = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, before, d -> true);
		String socUri = dir.resolve("soc.dtsi").toUri().toString();

		List<? extends Location> label = server.getTextDocumentService()
				.definition(new DefinitionParams(new TextDocumentIdentifier(boardUri), new Position(4, 3))).get(30, TimeUnit.SECONDS)
				.getLeft();
		assertEquals(1, label.size(), String.valueOf(label));
		assertEquals(socUri, label.get(0).getUri());
		assertEquals(4, label.get(0).getRange().getStart().getLine(), "the line of 'reserved_memory: reserved-memory {'");

		List<? extends Location> include = server.getTextDocumentService()
				.definition(new DefinitionParams(new TextDocumentIdentifier(boardUri), new Position(2, 12))).get(30, TimeUnit.SECONDS)
				.getLeft();
		assertEquals(List.of(socUri), include.stream().map(Location::getUri).toList());
	}

	@Test
	void definitionOfAMacroGoesToItsDefineAndIncludePathsComplete() throws Exception {
		Files.writeString(dir.resolve("sizes.h"), "/* sizes */\n#define DSP_SIZE 0x100000\n");
		String text = BOARD.replace("#include \"soc.dtsi\"", "#include \"soc.dtsi\"\n#include \"sizes.h\"")
				.replace("0x0 0x90100000 0x0 0x100000", "0x0 0x90100000 0x0 DSP_SIZE");
		int before = client.publishedCount();
		open(boardUri, text);
		client.awaitDiagnostics(boardUri, before, d -> true);

		int line = (int) text.substring(0, text.indexOf("DSP_SIZE")).chars().filter(c -> c == '\n').count();
		int column = text.indexOf("DSP_SIZE") - text.lastIndexOf('\n', text.indexOf("DSP_SIZE")) - 1;
		List<? extends Location> macro = server.getTextDocumentService()
				.definition(new DefinitionParams(new TextDocumentIdentifier(boardUri), new Position(line, column + 2)))
				.get(30, TimeUnit.SECONDS).getLeft();
		assertEquals(List.of(dir.resolve("sizes.h").toUri().toString()), macro.stream().map(Location::getUri).toList());
		assertEquals(new Position(1, 8), macro.get(0).getRange().getStart(), "the name in '#define DSP_SIZE'");

		String editing = text.replace("#include \"sizes.h\"", "#include \"si");
		String uri = dir.resolve("edit.dts").toUri().toString();
		Files.writeString(dir.resolve("edit.dts"), editing);
		int beforeEdit = client.publishedCount();
		open(uri, editing);
		client.awaitDiagnostics(uri, beforeEdit, d -> true);
		assertEquals(List.of("sizes.h"), completions(uri, 3, 12));
	}

	@Test
	void documentSymbolsListTheRegionsWithTheirLabels() throws Exception {
		int before = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, before, d -> true);
		List<Either<SymbolInformation, DocumentSymbol>> symbols = server.getTextDocumentService()
				.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(boardUri))).get(30, TimeUnit.SECONDS);
		assertEquals(1, symbols.size(), String.valueOf(symbols));
		DocumentSymbol reserved = symbols.get(0).getRight();
		assertEquals("&reserved_memory", reserved.getName());
		assertEquals(List.of("modem@90000000", "dsp@90100000"), reserved.getChildren().stream().map(DocumentSymbol::getName).toList());
		assertEquals("modem_mem", reserved.getChildren().get(0).getDetail());
		assertEquals(5, reserved.getChildren().get(0).getSelectionRange().getStart().getLine());
	}

	@Test
	void completionOffersRegionPropertiesCompatiblesAndLabels() throws Exception {
		String text = """
				/dts-v1/;
				#include "soc.dtsi"

				&reserved_memory {
					pool: pool {
						compatible = "";
						\s
					};
				};

				/ {
					dev { memory-region = <&>; };
				};
				""";
		String uri = dir.resolve("edit.dts").toUri().toString();
		Files.writeString(dir.resolve("edit.dts"), text);
		int before = client.publishedCount();
		open(uri, text);
		client.awaitDiagnostics(uri, before, d -> true);

		assertTrue(completions(uri, 5, 16).containsAll(List.of("shared-dma-pool", "restricted-dma-pool")));
		assertTrue(completions(uri, 6, 2).containsAll(List.of("reg", "size", "alignment", "alloc-ranges", "no-map", "reusable",
				"compatible", "linux,cma-default", "linux,dma-default", "status")));
		assertTrue(completions(uri, 11, 25).containsAll(List.of("reserved_memory", "hyp_mem", "pool")));
	}

	@Test
	void settingsChangeRuleSeverities() throws Exception {
		int before = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, before, d -> hasRule(d, "R8"));
		int beforeChange = client.publishedCount();
		JsonObject settings = JsonParser.parseString("{\"carveout\": {\"rules\": {\"R8\": \"off\"}}}").getAsJsonObject();
		server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
		List<Diagnostic> after = client.awaitDiagnostics(boardUri, beforeChange, d -> true);
		assertFalse(hasRule(after, "R8"), String.valueOf(after));
	}

	/**
	 * A document whose build fails (nodes nested thousands deep broke the parser) gets a diagnostic, and every
	 * document opened after it is checked as usual: Xtext kept a failed document queued for every later build,
	 * which then failed too.
	 */
	@Test
	void aDocumentThatBreaksTheBuildGetsADiagnosticAndTheNextDocumentsTheirOwn() throws Exception {
		int depth = 5000;
		String deep = "/dts-v1/;\n/ {\n" + "a {".repeat(depth) + "};".repeat(depth) + "\n};\n";
		String deepUri = dir.resolve("deep.dts").toUri().toString();
		int before = client.publishedCount();
		open(deepUri, deep);
		List<Diagnostic> hostile = client.awaitDiagnostics(deepUri, before, d -> !d.isEmpty());
		assertTrue(hostile.stream().anyMatch(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error), hostile.toString());

		int beforeBoard = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, beforeBoard, d -> hasRule(d, "R8"));
		int beforeChange = client.publishedCount();
		server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(boardUri, 2),
				List.of(new TextDocumentContentChangeEvent(BOARD.replace("0x90100000 0x0 0x100000", "0x90200000 0x0 0x100000")))));
		List<Diagnostic> edited = client.awaitDiagnostics(boardUri, beforeChange, d -> true);
		assertFalse(hasRule(edited, "R8"), edited.toString());
	}

	/** A macro bomb and nodes nested 10,000 deep each get their limit where it is hit; the next document its own findings. */
	@Test
	void hostileDocumentsGetTheirLimitsAndTheNextDocumentItsFindings() throws Exception {
		StringBuilder bomb = new StringBuilder("/dts-v1/;\n");
		for (int i = 0; i < 40; i++) {
			bomb.append("#define M").append(i).append(" M").append(i + 1).append(" M").append(i + 1).append('\n');
		}
		bomb.append("#define M40 1\n/ {\n\tbomb = <M0>;\n};\n");
		String bombUri = dir.resolve("bomb.dts").toUri().toString();
		int before = client.publishedCount();
		open(bombUri, bomb.toString());
		List<Diagnostic> bombed = client.awaitDiagnostics(bombUri, before, d -> !d.isEmpty());
		Diagnostic expansion = bombed.stream().filter(d -> d.getMessage().getLeft().contains("M0 expands past")).findFirst()
				.orElseThrow(() -> new AssertionError(bombed.toString()));
		assertEquals(43, expansion.getRange().getStart().getLine(), "the line that uses M0 (0-based)");

		int depth = 10_000;
		String deepUri = dir.resolve("deeper.dts").toUri().toString();
		int beforeDeep = client.publishedCount();
		open(deepUri, "/dts-v1/;\n/ {\n" + "a {\n".repeat(depth) + "};\n".repeat(depth) + "};\n");
		List<Diagnostic> deep = client.awaitDiagnostics(deepUri, beforeDeep, d -> !d.isEmpty());
		assertTrue(deep.stream().anyMatch(d -> d.getMessage().getLeft().contains("nesting deeper than")), deep.toString());

		int beforeBoard = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, beforeBoard, d -> hasRule(d, "R8"));
	}

	/**
	 * An edit of a .dtsi: its own diagnostics first, then the open board's that includes it (which Xtext's build
	 * published in the order of a hash set).
	 */
	@Test
	void theEditedDocumentsDiagnosticsComeBeforeThoseOfTheBoardIncludingIt() throws Exception {
		String socUri = dir.resolve("soc.dtsi").toUri().toString();
		int before = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, before, d -> hasRule(d, "R8"));
		int beforeSoc = client.publishedCount();
		open(socUri, SOC);
		client.awaitDiagnostics(socUri, beforeSoc, d -> true);
		client.awaitDiagnostics(boardUri, beforeSoc, d -> true);

		for (int version = 2; version < 6; version++) {
			int beforeEdit = client.publishedCount();
			// hyp@80000000 grows over modem@90000000 and back.
			String edited = version % 2 == 0 ? SOC.replace("0x0 0x600000", "0x0 0x10100000") : SOC;
			server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(socUri, version),
					List.of(new TextDocumentContentChangeEvent(edited))));
			client.awaitDiagnostics(boardUri, beforeEdit, d -> true);
			assertEquals(List.of(socUri, boardUri), client.urisSince(beforeEdit).subList(0, 2), "edit " + version);
		}
	}

	/** Syntax errors come from the engine's parse (rule "syntax"): Xtext's validator, a second pass, does not run. */
	@Test
	void syntaxErrorsAreTheEnginesAndXtextsValidatorDoesNotRun() throws Exception {
		String broken = "/dts-v1/;\n/ {\n\tmodel = \"x\"\n\tcompatible = \"y\";\n};\n";
		String uri = dir.resolve("broken.dts").toUri().toString();
		Files.writeString(dir.resolve("broken.dts"), broken);
		int before = client.publishedCount();
		open(uri, broken);
		List<Diagnostic> diagnostics = client.awaitDiagnostics(uri, before, d -> !d.isEmpty());
		assertTrue(hasRule(diagnostics, "syntax"), diagnostics.toString());
		assertTrue(diagnostics.stream().allMatch(d -> d.getCode() != null && "syntax".equals(d.getCode().getLeft())),
				"only the engine's syntax errors: " + diagnostics);
	}

	/** Workspace symbols come from the open documents' nodes, which Xtext no longer indexes. */
	@Test
	void workspaceSymbolsFindTheNodesOfOpenDocuments() throws Exception {
		int before = client.publishedCount();
		open(boardUri, BOARD);
		client.awaitDiagnostics(boardUri, before, d -> true);
		var result = server.getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams("DSP")).get(30, TimeUnit.SECONDS);
		List<? extends org.eclipse.lsp4j.WorkspaceSymbol> symbols = result.getRight();
		assertEquals(List.of("dsp@90100000"), symbols.stream().map(org.eclipse.lsp4j.WorkspaceSymbol::getName).toList());
		Location at = symbols.get(0).getLocation().getLeft();
		assertEquals(boardUri, at.getUri());
		assertEquals(10, at.getRange().getStart().getLine());
	}

	/** The engine's warm-up is handed to its executor at initialize, and initialize answers without waiting for it. */
	@Test
	void initializeAnswersWhileTheWarmUpWaitsItsTurn() throws Exception {
		List<Runnable> heldBack = new java.util.concurrent.CopyOnWriteArrayList<>();
		RecordingClient warming = new RecordingClient();
		LanguageServer held = connect(warming, CarveoutLanguageServer.create(heldBack::add));
		held.initialize(new InitializeParams()).get(60, TimeUnit.SECONDS);
		assertEquals(1, heldBack.size(), "one warm-up handed over, not run in initialize");
		held.initialized(new InitializedParams());
		heldBack.get(0).run();
		held.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(boardUri, "dts", 1, BOARD)));
		warming.awaitDiagnostics(boardUri, 0, d -> hasRule(d, "R8"));
		held.shutdown().get(10, TimeUnit.SECONDS);
	}

	private List<String> completions(String uri, int line, int character) throws Exception {
		var result = server.getTextDocumentService()
				.completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(line, character))).get(30, TimeUnit.SECONDS);
		List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
		return items.stream().map(CompletionItem::getLabel).toList();
	}

	/** Applies LSP edits to a text, last first so earlier positions stay valid. */
	static String apply(String text, List<TextEdit> edits) {
		StringBuilder result = new StringBuilder(text);
		edits.stream().sorted(Comparator.comparing((TextEdit e) -> offset(text, e.getRange().getStart())).reversed())
				.forEach(e -> result.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText()));
		return result.toString();
	}

	private static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

}

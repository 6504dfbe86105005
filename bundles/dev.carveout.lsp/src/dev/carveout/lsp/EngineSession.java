package dev.carveout.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.KbuildComposites;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.nav.IncludeGraph;

/**
 * What one language server knows beyond Xtext's resources: the engine settings from the client and the text of
 * every open document. Xtext builds each change in a fresh resource set that need not hold the other open
 * files, so the engine reads unsaved text from here. One instance is shared by the server and the language
 * services.
 */
public final class EngineSession {

	private final Map<Path, String> openTexts = new ConcurrentHashMap<>();
	private volatile CheckSettings settings = CheckSettings.defaults();
	private volatile boolean showsDisabledActions;

	/** Whether the client shows a code action it cannot apply with its reason (LSP's disabledSupport). */
	public boolean showsDisabledActions() {
		return showsDisabledActions;
	}

	public void setShowsDisabledActions(boolean shows) {
		showsDisabledActions = shows;
	}

	public CheckSettings settings() {
		return settings;
	}

	public void updateSettings(CheckSettings newSettings) {
		settings = newSettings;
	}

	public void opened(Path file, String text) {
		openTexts.put(file, text);
	}

	public void changed(Path file, String text) {
		openTexts.replace(file, text);
	}

	public void closed(Path file) {
		openTexts.remove(file);
	}

	public boolean isOpen(Path file) {
		return openTexts.containsKey(file);
	}

	public List<Path> openFiles() {
		return List.copyOf(openTexts.keySet());
	}

	/** Open documents' text first, then the disk. */
	public SourceOverlay overlay() {
		return file -> Optional.ofNullable(openTexts.get(file.toAbsolutePath().normalize()));
	}

	/**
	 * Checks the board that gives {@code resource} its findings, with the resource's own text as parsed (the
	 * freshest there is) over the open documents.
	 */
	public BoardCheck check(XtextResource resource) {
		return check(resource, CancelIndicator.NullImpl);
	}

	/** {@link #check(XtextResource)} that a newer change of the document cancels (Xtext cancels the build it supersedes). */
	public BoardCheck check(XtextResource resource, CancelIndicator cancel) {
		String text = resource.getParseResult() == null ? "" : resource.getParseResult().getRootNode().getText();
		return check(pathOf(resource.getURI()), text, cancel);
	}

	/** Checks the board that gives {@code file} its findings, with {@code text} as the file's content. */
	public BoardCheck check(Path file, String text, CancelIndicator cancel) {
		SourceOverlay open = overlay();
		SourceOverlay overlay = p -> p.toAbsolutePath().normalize().equals(file) ? Optional.of(text) : open.contentOf(p);
		CheckSettings current = settings;
		List<Path> parts = partsOf(boardFor(file, overlay, current));
		BoardChecker checker = new BoardChecker(current);
		return new BoardCheck(file, text, checker, checker.check(parts, overlay, cancel), overlay);
	}

	/**
	 * What a board is checked as: a .dts is itself; a .dtso is checked in a composite, base first, as the editor
	 * does: the first composite the Makefile beside it declares with it, else on the first open .dts (opening a
	 * board next to an overlay is how an LSP client picks its base), else alone.
	 */
	private List<Path> partsOf(Path board) {
		if (!board.getFileName().toString().endsWith(".dtso")) {
			return List.of(board);
		}
		List<KbuildComposites.Composite> listing = KbuildComposites.listing(board);
		if (!listing.isEmpty()) {
			return listing.get(0).parts();
		}
		return openTexts.keySet().stream().filter(p -> p.getFileName().toString().endsWith(".dts"))
				.sorted().findFirst().map(base -> List.of(base, board)).orElse(List.of(board));
	}

	/**
	 * A .dtsi means nothing alone: its findings come from an open board that includes it. A board (or overlay), or
	 * a file no open board includes, is checked as itself.
	 */
	private Path boardFor(Path file, SourceOverlay overlay, CheckSettings current) {
		if (file.getFileName().toString().endsWith(".dts") || file.getFileName().toString().endsWith(".dtso")) {
			return file;
		}
		IncludeGraph graph = new IncludeGraph(overlay, current.includeDirs());
		return openTexts.keySet().stream().filter(p -> !p.equals(file))
				.sorted((a, b) -> Boolean.compare(!a.toString().endsWith(".dts"), !b.toString().endsWith(".dts")))
				.filter(board -> graph.closure(board).contains(file)).findFirst().orElse(file);
	}

	/**
	 * The open documents other than {@code changed} whose findings an edit of {@code changed} can change: DTS has
	 * no Xtext cross-references, so the include graph is the dependency. An open board is affected by an edit of
	 * any file it includes, an open .dtsi by an edit of a board including it.
	 */
	public List<Path> affectedBy(Path changed) {
		IncludeGraph graph = new IncludeGraph(overlay(), settings.includeDirs());
		Set<Path> changedIncludes = graph.closure(changed);
		return openTexts.keySet().stream().filter(open -> !open.equals(changed))
				.filter(open -> changedIncludes.contains(open) || graph.closure(open).contains(changed)).sorted().toList();
	}

	public static Path pathOf(URI uri) {
		return Path.of(uri.toFileString()).toAbsolutePath().normalize();
	}

	public static String uriOf(Path path) {
		return path.toUri().toString();
	}

	static String read(Path file, SourceOverlay overlay) {
		try {
			var unsaved = overlay.contentOf(file);
			return unsaved.isPresent() ? unsaved.get() : Files.readString(file);
		} catch (IOException e) {
			return "";
		}
	}
}

package dev.carveout.ui.validation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.QualifiedName;

import dev.carveout.dts.check.KbuildComposites;
import dev.carveout.ui.CarveoutUi;

/**
 * What a board of the workspace is checked as: a .dts is itself; a .dtso means little alone (its fragments
 * target a base it does not contain), so it is checked in a composite board, base first, the way kbuild builds
 * "name-dtbs := base.dtb overlay.dtbo": the composite the user chose for it in the Memory Map view (remembered
 * as a persistent property of the file), else the first composite the Makefile beside it declares with it,
 * else the overlay alone.
 */
public final class OverlayBoards {

	/** Persistent property of a .dtso: the parts of the composite it is shown in, one path a line (a file name may hold a '+'). */
	public static final QualifiedName CHOSEN_COMPOSITE = new QualifiedName(CarveoutUi.PLUGIN_ID, "composite");

	private OverlayBoards() {
	}

	public static boolean isOverlay(IFile file) {
		return "dtso".equals(file.getFileExtension());
	}

	/** The files checked for {@code board}, in order, base first; one part for a plain board or a lone overlay. */
	public static List<Path> partsOf(IFile board) {
		Path self = BoardIndex.pathOf(board);
		if (self == null || !isOverlay(board)) {
			return self == null ? List.of() : List.of(self);
		}
		List<Path> chosen = chosen(board);
		if (chosen != null) {
			return chosen;
		}
		List<KbuildComposites.Composite> listing = KbuildComposites.listing(self);
		return listing.isEmpty() ? List.of(self) : listing.get(0).parts();
	}

	/**
	 * The composites the user may show an overlay in: those the Makefile beside it declares with it, then the
	 * overlay on each board of its project; the overlay alone last.
	 */
	public static List<List<Path>> choices(IFile overlay) throws CoreException {
		Path self = BoardIndex.pathOf(overlay);
		if (self == null || !isOverlay(overlay)) {
			return List.of();
		}
		Set<List<Path>> choices = new LinkedHashSet<>();
		KbuildComposites.listing(self).forEach(c -> choices.add(c.parts()));
		for (IFile base : ProjectBoards.of(overlay.getProject())) {
			Path basePath = BoardIndex.pathOf(base);
			if (basePath != null && "dts".equals(base.getFileExtension())) {
				choices.add(List.of(basePath, self));
			}
		}
		choices.add(List.of(self));
		return List.copyOf(choices);
	}

	/** Remembers (across restarts) the composite an overlay is checked and shown in. */
	public static void choose(IFile overlay, List<Path> parts) throws CoreException {
		overlay.setPersistentProperty(CHOSEN_COMPOSITE, parts == null ? null
				: String.join("\n", parts.stream().map(Path::toString).toList()));
	}

	/** "board.dts+camera.dtso": how the view and the menu name a composite. */
	public static String nameOf(List<Path> parts) {
		return String.join("+", parts.stream().map(p -> p.getFileName().toString()).toList());
	}

	/** The remembered choice, when it still lists the overlay and every part still exists; null otherwise. */
	private static List<Path> chosen(IFile overlay) {
		try {
			String value = overlay.exists() ? overlay.getPersistentProperty(CHOSEN_COMPOSITE) : null;
			if (value == null || value.isBlank()) {
				return null;
			}
			List<Path> parts = new ArrayList<>(Arrays.stream(value.split("\n")).map(Path::of).toList());
			boolean valid = parts.contains(BoardIndex.pathOf(overlay))
					&& parts.stream().allMatch(p -> p.toFile().isFile());
			return valid ? List.copyOf(parts) : null;
		} catch (CoreException | RuntimeException e) {
			return null; // an unreadable choice is no choice: the default composite applies
		}
	}
}

package dev.carveout.ui.explorer;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;

/**
 * Where a board belongs when a tree's boards are listed by vendor: in a kernel tree's layout
 * ({@code arch/<arch>/boot/dts/<vendor>/<board>.dts}) its vendor folder and architecture; elsewhere (a BSP's own
 * layout, a folder of sources) the folder it is in.
 *
 * @param vendor the vendor folder, or the board's own folder outside a kernel layout
 * @param arch   the kernel architecture, or null outside {@code arch/<arch>/boot/dts}
 */
public record BoardVendor(String vendor, String arch) implements Comparable<BoardVendor> {

	/** Boards directly in {@code boot/dts} (older 32-bit arm trees have hundreds there). */
	static final String NO_VENDOR = "(no vendor folder)";

	public static BoardVendor of(IFile board) {
		List<String> segments = Arrays.asList(board.getProjectRelativePath().segments());
		for (int i = 0; i + 1 < segments.size() - 1; i++) {
			if (segments.get(i).equals("boot") && segments.get(i + 1).equals("dts")) {
				String arch = i >= 2 && segments.get(i - 2).equals("arch") ? segments.get(i - 1) : null;
				boolean inVendorFolder = i + 2 < segments.size() - 1;
				return new BoardVendor(inVendorFolder ? segments.get(i + 2) : NO_VENDOR, arch);
			}
		}
		String folder = segments.size() > 1 ? segments.get(segments.size() - 2) : board.getProject().getName();
		return new BoardVendor(folder, null);
	}

	@Override
	public int compareTo(BoardVendor other) {
		int byVendor = vendor.compareToIgnoreCase(other.vendor);
		return byVendor != 0 ? byVendor : String.valueOf(arch).compareTo(String.valueOf(other.arch));
	}
}

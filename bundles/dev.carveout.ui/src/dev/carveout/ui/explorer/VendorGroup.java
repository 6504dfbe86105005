package dev.carveout.ui.explorer;

import java.util.List;

import org.eclipse.core.resources.IFile;

/**
 * One vendor's boards under a project's "Boards" node.
 *
 * @param showArch whether the label names the architecture: when the project has boards of several (an arm64
 *                 kernel project links arm's sources too, and both have a {@code qcom} folder)
 */
public record VendorGroup(BoardsGroup parent, BoardVendor vendor, boolean showArch, List<IFile> boards) {

	public String label() {
		String arch = showArch && vendor.arch() != null ? vendor.arch() + ", " : "";
		return vendor.vendor() + " (" + arch + boards.size() + ")";
	}
}

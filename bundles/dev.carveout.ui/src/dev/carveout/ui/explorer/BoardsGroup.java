package dev.carveout.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;

import dev.carveout.ui.validation.ProjectBoards;

/** The "Boards" node of a project in the Project Explorer: the project's boards, grouped by vendor. */
public record BoardsGroup(IProject project) {

	/** The vendors with their boards, by vendor name; computed on each call (a walk of the resource tree, no disk). */
	public List<VendorGroup> vendors() throws CoreException {
		Map<BoardVendor, List<IFile>> byVendor = new TreeMap<>();
		for (IFile board : ProjectBoards.of(project)) {
			byVendor.computeIfAbsent(BoardVendor.of(board), v -> new ArrayList<>()).add(board);
		}
		boolean severalArchs = byVendor.keySet().stream().map(BoardVendor::arch).distinct().count() > 1;
		List<VendorGroup> groups = new ArrayList<>();
		byVendor.forEach((vendor, boards) -> {
			boards.sort((a, b) -> a.getName().compareToIgnoreCase(b.getName()));
			groups.add(new VendorGroup(this, vendor, severalArchs, List.copyOf(boards)));
		});
		return groups;
	}

	public boolean hasBoards() throws CoreException {
		return !ProjectBoards.of(project).isEmpty();
	}
}

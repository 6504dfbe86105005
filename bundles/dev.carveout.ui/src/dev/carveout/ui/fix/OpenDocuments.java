package dev.carveout.ui.fix;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;

import dev.carveout.dts.check.SourceOverlay;

/** What the user sees: the text of every file open in an editor (saved or not) stands in for the file on disk. */
public final class OpenDocuments implements SourceOverlay {

	@Override
	public Optional<String> contentOf(Path file) {
		for (IFile workspaceFile : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(file.toUri())) {
			ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager()
					.getTextFileBuffer(workspaceFile.getFullPath(), LocationKind.IFILE);
			if (buffer != null) {
				return Optional.of(buffer.getDocument().get());
			}
		}
		return Optional.empty();
	}
}

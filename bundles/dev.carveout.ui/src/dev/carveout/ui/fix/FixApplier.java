package dev.carveout.ui.fix;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;

import dev.carveout.dts.fix.Fix;
import dev.carveout.dts.fix.TextEdit;

/**
 * Applies a fix to the documents of its files. In a file open in an editor the edits are one compound change,
 * so one Undo takes the whole fix back; a file not open is changed through its buffer and saved. Runs on the
 * UI thread.
 */
final class FixApplier {

	private final ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();

	void apply(Fix fix, IProgressMonitor monitor) throws CoreException {
		for (Path path : fix.files()) {
			IFile file = workspaceFile(path);
			if (file == null) {
				throw new CoreException(org.eclipse.core.runtime.Status.error("not in the workspace: " + path));
			}
			apply(file, fix.editsOf(path), monitor);
		}
	}

	private void apply(IFile file, List<TextEdit> edits, IProgressMonitor monitor) throws CoreException {
		boolean wasOpen = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE) != null;
		buffers.connect(file.getFullPath(), LocationKind.IFILE, monitor);
		try {
			ITextFileBuffer buffer = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
			IDocument document = buffer.getDocument();
			IRewriteTarget rewrite = rewriteTarget(file);
			if (rewrite != null) {
				rewrite.beginCompoundChange();
			}
			try {
				for (TextEdit edit : edits.stream().sorted(Comparator.comparingInt(TextEdit::offset).reversed()).toList()) {
					document.replace(edit.offset(), edit.length(), edit.text());
				}
			} catch (BadLocationException e) {
				throw new CoreException(org.eclipse.core.runtime.Status.error("the file changed under the fix: " + file, e));
			} finally {
				if (rewrite != null) {
					rewrite.endCompoundChange();
				}
			}
			if (!wasOpen) {
				buffer.commit(monitor, true);
			}
		} finally {
			buffers.disconnect(file.getFullPath(), LocationKind.IFILE, monitor);
		}
	}

	private static IRewriteTarget rewriteTarget(IFile file) {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow() == null ? null
				: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IEditorPart editor = page == null ? null : page.findEditor(new FileEditorInput(file));
		return editor == null ? null : editor.getAdapter(IRewriteTarget.class);
	}

	static IFile workspaceFile(Path path) {
		for (IFile file : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(path.toUri())) {
			if (file.isAccessible()) {
				return file;
			}
		}
		return null;
	}
}

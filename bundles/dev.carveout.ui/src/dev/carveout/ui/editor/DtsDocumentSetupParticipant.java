package dev.carveout.ui.editor;

import org.eclipse.core.filebuffers.IDocumentSetupParticipant;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;

/** Installs the DTS partitioning on every document the file buffers open for a .dts or .dtsi file. */
public final class DtsDocumentSetupParticipant implements IDocumentSetupParticipant {

	@Override
	public void setup(IDocument document) {
		if (document instanceof IDocumentExtension3 extension
				&& extension.getDocumentPartitioner(DtsPartitions.PARTITIONING) == null) {
			IDocumentPartitioner partitioner = DtsPartitions.createPartitioner();
			extension.setDocumentPartitioner(DtsPartitions.PARTITIONING, partitioner);
			partitioner.connect(document);
		}
	}
}

package dev.carveout.target.ui.heaps;

import org.eclipse.core.resources.IFile;

import dev.carveout.target.Target;
import dev.carveout.target.heaps.HeapComparison;
import dev.carveout.target.heaps.HeapReport;

/** One finished probe: which board, against which source, what it found. */
public record ProbeOutcome(Target target, IFile source, HeapReport report, HeapComparison comparison) {
}

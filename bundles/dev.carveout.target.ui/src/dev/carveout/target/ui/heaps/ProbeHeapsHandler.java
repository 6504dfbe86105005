package dev.carveout.target.ui.heaps;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.carveout.target.Target;
import dev.carveout.target.ui.targets.TargetChooser;
import dev.carveout.target.ui.targets.TargetStore;

/**
 * "Probe Heaps": on the target selected (in the Targets view, or anything whose selection adapts to a
 * {@link Target}), else on one picked from the registered targets; the results show in the Heaps view.
 */
public class ProbeHeapsHandler extends AbstractHandler {

	public static final String COMMAND_ID = "dev.carveout.target.ui.probeHeaps";

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		Optional<Target> target = targetIn(HandlerUtil.getCurrentSelection(event))
				.or(() -> TargetChooser.choose(window.getShell(), TargetStore.getDefault().targets(),
						"Probe Heaps", "Board whose DMA-BUF heaps to probe:"));
		if (target.isEmpty()) {
			return null;
		}
		try {
			HeapsView view = (HeapsView) window.getActivePage().showView(HeapsView.ID);
			return view.probe(target.get());
		} catch (PartInitException e) {
			throw new ExecutionException("Cannot open the Heaps view: " + e.getMessage(), e);
		}
	}

	/** The one target in a selection (Targets view rows, or anything adapting to Target), else empty. */
	public static Optional<Target> targetIn(ISelection selection) {
		if (selection instanceof IStructuredSelection s && s.size() == 1) {
			return Optional.ofNullable(Adapters.adapt(s.getFirstElement(), Target.class));
		}
		return Optional.empty();
	}
}

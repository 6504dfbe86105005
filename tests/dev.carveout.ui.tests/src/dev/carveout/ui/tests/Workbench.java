package dev.carveout.ui.tests;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;

import dev.carveout.ui.CarveoutUi;

/** What UI tests do with the running workbench: wait while it keeps processing events, look, photograph. */
final class Workbench {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private Workbench() {
	}

	/** Runs the event loop (the tests own the UI thread) until the condition holds or the time is up. */
	static void waitUntil(BooleanSupplier condition, Supplier<String> whatWasSeen) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		Display display = Display.getCurrent();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s; saw: " + whatWasSeen.get());
			}
			if (!display.readAndDispatch()) {
				sleep(10);
			}
		}
	}

	/** Lets pending events (layouts, paints, asyncExecs) run for a moment. */
	static void processEvents(long millis) {
		long deadline = System.currentTimeMillis() + millis;
		Display display = Display.getCurrent();
		while (System.currentTimeMillis() < deadline) {
			if (!display.readAndDispatch()) {
				sleep(10);
			}
		}
	}

	/** The resource's Carveout problems; a resource that does not exist fails: it has no markers to look at. */
	static List<IMarker> problems(IResource resource) {
		if (!resource.exists()) {
			throw new AssertionError("no such resource: " + resource.getFullPath());
		}
		try {
			return Arrays.asList(resource.findMarkers(CarveoutUi.PROBLEM_MARKER, false, IResource.DEPTH_ZERO));
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<IMarker> problems(IResource resource, String ruleId) {
		return problems(resource).stream()
				.filter(m -> ruleId.equals(m.getAttribute(CarveoutUi.RULE_ID_ATTRIBUTE, ""))).toList();
	}

	static String describe(List<IMarker> markers) {
		List<String> lines = new ArrayList<>();
		for (IMarker m : markers) {
			lines.add(m.getResource().getName() + ":" + m.getAttribute(IMarker.LINE_NUMBER, -1) + " "
					+ m.getAttribute(CarveoutUi.RULE_ID_ATTRIBUTE, "?") + " " + m.getAttribute(IMarker.MESSAGE, ""));
		}
		return lines.toString();
	}

	/** Waits until the workspace's builds (the Carveout builder's among them) and then the checks are done. */
	static void waitForBuilds() {
		waitUntil(() -> Job.getJobManager().find(ResourcesPlugin.FAMILY_AUTO_BUILD).length == 0
				&& Job.getJobManager().find(ResourcesPlugin.FAMILY_MANUAL_BUILD).length == 0, () -> "builds still running");
		waitForChecks();
	}

	/** Waits until no Carveout check (editor, builder or explanation job) is scheduled or running. */
	static void waitForChecks() {
		waitUntil(() -> Job.getJobManager().find(CarveoutUi.PROBLEM_MARKER).length == 0,
				() -> "Carveout checks still running");
	}

	/** Every Carveout problem of the project, described: the message a failed wait or assertion shows. */
	static String allProblems(IProject project) {
		try {
			return describe(List.of(project.findMarkers(CarveoutUi.PROBLEM_MARKER, false, IResource.DEPTH_INFINITE)));
		} catch (CoreException e) {
			return e.toString();
		}
	}

	static List<String> texts(TreeItem[] items) {
		List<String> texts = new ArrayList<>();
		for (TreeItem item : items) {
			texts.add(item.getText());
			texts.addAll(texts(item.getItems()));
		}
		return texts;
	}

	/** Saves what the screen shows of the shell as a PNG, for people to look at after the build. */
	static File screenshot(Shell shell, String name) throws java.io.IOException {
		return dev.carveout.ui.Screenshots.save(shell, dev.carveout.ui.Screenshots.directory().resolve(name)).toFile();
	}

	/** Weights the sash the view's stack sits in, as dragging the sash would. */
	static void giveMostOfTheHeightTo(IViewPart view) {
		MPart part = view.getSite().getService(MPart.class);
		// Views live in the shared area and show in a perspective through a placeholder.
		MUIElement shown = part.getCurSharedRef() != null ? part.getCurSharedRef() : part;
		MUIElement stack = shown.getParent();
		for (MUIElement sibling : stack.getParent().getChildren()) {
			sibling.setContainerData(sibling == stack ? "6500" : "3500");
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}

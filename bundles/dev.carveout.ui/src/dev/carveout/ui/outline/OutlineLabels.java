package dev.carveout.ui.outline;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;

/**
 * Text and icon of an outline element, for the Outline view and Quick Outline alike: a property, a node, a
 * reserved region by the flag that decides its kind (no-map carve-out, reusable CMA pool), a reference to a
 * label ({@code &label { ... }}).
 */
public final class OutlineLabels {

	private OutlineLabels() {
	}

	/** The icon file of an element, under icons/. */
	public static String iconOf(OutlineElement element) {
		if (element.kind() == OutlineElement.Kind.PROPERTY) {
			return "property.svg";
		}
		if (element.children().stream().anyMatch(c -> hasName(c, "no-map"))) {
			return "region-nomap.svg";
		}
		if (element.children().stream().anyMatch(c -> hasName(c, "reusable"))) {
			return "region-cma.svg";
		}
		if (element.children().stream().anyMatch(c -> hasName(c, "reg") || hasName(c, "size"))
				&& element.children().stream().anyMatch(c -> hasName(c, "compatible") || hasName(c, "alignment"))) {
			return "region-reserved.svg";
		}
		return element.label().startsWith("&") ? "label.svg" : "node.svg";
	}

	/** A label provider whose images live as long as {@code owner}. */
	public static ILabelProvider provider(Control owner) {
		LocalResourceManager images = new LocalResourceManager(JFaceResources.getResources(), owner);
		return LabelProvider.createTextImageProvider(e -> ((OutlineElement) e).label(), e -> image(images, (OutlineElement) e));
	}

	private static Image image(LocalResourceManager images, OutlineElement element) {
		ImageDescriptor descriptor = ResourceLocator.imageDescriptorFromBundle(OutlineLabels.class, "icons/" + iconOf(element))
				.orElse(null);
		return descriptor == null ? null : images.create(descriptor);
	}

	private static boolean hasName(OutlineElement element, String name) {
		return element.kind() == OutlineElement.Kind.PROPERTY && (element.label().equals(name)
				|| element.label().endsWith(": " + name));
	}
}

package dev.carveout.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what the screen shows of a shell as a PNG: the README's pictures come from here. Call on the UI thread. */
public final class Screenshots {

	private Screenshots() {
	}

	public static Path save(Shell shell, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Display display = shell.getDisplay();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
		return file;
	}

	/** The folder named by -Dcarveout.screenshots, for tests and the Studio's smoke run. */
	public static Path directory() {
		return Path.of(System.getProperty("carveout.screenshots", "target/screenshots"));
	}
}

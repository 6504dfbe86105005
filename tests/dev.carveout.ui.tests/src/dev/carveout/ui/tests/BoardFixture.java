package dev.carveout.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/**
 * A workspace project with a small board as kernel trees write them: board.dts includes soc.dtsi, which
 * declares /reserved-memory. The SoC file has a carve-out whose unit address starts with "0x" (R12); the
 * board adds two carve-outs that overlap (R8).
 */
final class BoardFixture {

	static final String SOC_DTSI = """
			// SoC memory layout shared by every board built on it.
			/ {
				#address-cells = <2>;
				#size-cells = <2>;

				memory@80000000 {
					device_type = "memory";
					reg = <0x0 0x80000000 0x0 0x40000000>;
				};

				reserved_memory: reserved-memory {
					#address-cells = <2>;
					#size-cells = <2>;
					ranges;

					cdsp_secure_heap_mem: cdsp-secure-heap@81800000 {
						reg = <0x0 0x81800000 0x0 0x1e00000>;
						no-map;
					};

					wpss_mem: wpss@0x84800000 {
						reg = <0x0 0x84800000 0x0 0x1900000>;
						no-map;
					};
				};
			};
			""";

	static final String VIDEO_NODE = """
				video_mem: video@8b900000 {
					reg = <0x0 0x8b900000 0x0 0x700000>;
					no-map;
				};
			""";

	static final String BOARD_DTS = """
			/dts-v1/;

			#include "soc.dtsi"

			/ {
				model = "Carveout Test Board";
				compatible = "carveout,test-board";
			};

			&reserved_memory {
				camera_mem: camera@8b700000 {
					reg = <0x0 0x8b700000 0x0 0x500000>;
					no-map;
				};

			""" + VIDEO_NODE + """
			};
			""";

	final IProject project;
	final IFile board;
	final IFile soc;

	BoardFixture(String projectName) throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject(projectName);
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		soc = write("soc.dtsi", SOC_DTSI);
		board = write("board.dts", BOARD_DTS);
	}

	/** Deletes the project once no check is still writing markers into it. */
	void delete() throws CoreException {
		Workbench.waitForChecks();
		project.delete(true, true, null);
	}

	IFile write(String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}

	/** The 1-based number of the first line of {@code text} that contains {@code fragment}. */
	static int lineOf(String text, String fragment) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(fragment)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("no line contains " + fragment);
	}
}

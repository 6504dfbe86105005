package dev.carveout.dts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.carveout.dts.check.SourceTree;

/** What the import wizard learns from a folder: a kernel tree's version and architectures, or why it is none. */
class SourceTreeTest {

	@TempDir
	Path root;

	@Test
	void aKernelTreeGivesItsVersionItsArchitecturesArm64FirstAndTheFoldersKbuildReads() throws Exception {
		Files.writeString(root.resolve("Makefile"), """
				# SPDX-License-Identifier: GPL-2.0
				VERSION = 6
				PATCHLEVEL = 12
				SUBLEVEL = 118
				EXTRAVERSION = -rc1
				NAME = Baby Opossum Posse
				""");
		for (String arch : List.of("riscv", "arm64", "arm")) {
			Files.createDirectories(root.resolve("arch/" + arch + "/boot/dts"));
		}
		Files.createDirectories(root.resolve("arch/x86/kernel"));
		Files.createDirectories(root.resolve("include/dt-bindings"));
		Files.createDirectories(root.resolve("scripts/dtc/include-prefixes"));
		SourceTree tree = SourceTree.inspect(root);
		assertTrue(tree.isKernelTree(), tree.problem());
		assertEquals("6.12", tree.version().orElseThrow().toString());
		assertEquals("6.12.118-rc1", tree.fullVersion());
		assertEquals(List.of("arm64", "arm", "riscv"), tree.architectures());
		assertEquals(List.of("arch/arm64/boot/dts", "arch/arm/boot/dts", "include/dt-bindings"), tree.deviceTreeFolders("arm64"));
		assertEquals(List.of("arch/riscv/boot/dts", "include/dt-bindings"), tree.deviceTreeFolders("riscv"));
	}

	@Test
	void aFolderWithoutAKernelMakefileIsPlainAndSaysWhy() throws Exception {
		assertEquals("no top-level Makefile", SourceTree.inspect(root).problem());
		Files.writeString(root.resolve("Makefile"), "all:\n\tdtc -o board.dtb board.dts\n");
		SourceTree plain = SourceTree.inspect(root);
		assertFalse(plain.isKernelTree());
		assertEquals("its Makefile sets no kernel VERSION and PATCHLEVEL", plain.problem());
		assertEquals(List.of(""), plain.deviceTreeFolders("arm64"), "the whole folder");
		Files.writeString(root.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\n");
		assertEquals("no arch/*/boot/dts folder", SourceTree.inspect(root).problem());
	}
}

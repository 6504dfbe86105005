/**
 * The C preprocessor for DeviceTree sources: what kbuild's
 * {@code cpp -nostdinc -I scripts/dtc/include-prefixes -undef -D__DTS__ -x assembler-with-cpp} produces, plus where
 * every output character came from.
 * <p>
 * Use:
 *
 * <pre>
 * Preprocessor cpp = new Preprocessor(List.of(kernel.resolve("scripts/dtc/include-prefixes")),
 * 		Preprocessor.kbuildDefines(), SourceReader.FILES); // or a reader that serves unsaved editor buffers
 * PreprocessedUnit unit = cpp.run(board);
 * unit.text();                          // what dtc would read (no line markers)
 * unit.origins().originOf(offset);      // file, line, column, include chain, macro of an output character
 * unit.origins().sourceRef(start, end); // the same as a memmap SourceRef, for findings
 * unit.diagnostics();                   // missing includes, #error, bad #if, unterminated #if or arguments
 * unit.files();                         // the board and everything it included, in include order
 * </pre>
 *
 * A {@link dev.carveout.dts.cpp.Preprocessor} may be shared by threads; lexed files are cached JVM-wide in
 * {@link dev.carveout.dts.cpp.LexCache#SHARED} (by path and text), so the .dtsi files and headers that boards share
 * are lexed once. Output spacing follows gcc exactly where dtc cares ("&amp;label", "label:", pasted node names);
 * tokens taken straight from a file keep their columns, and each source line starts a new output line.
 */
package dev.carveout.dts.cpp;

package dev.carveout.dts.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Whether a board needs the C preprocessor for more than #include: it reads a header (dt-bindings macros)
 * or a file of it has a #define or a conditional. Those boards cannot match until macros are expanded.
 */
final class MacroUse {

	private static final Pattern DIRECTIVE = Pattern.compile("(?m)^\\s*#\\s*(define|undef|if|ifdef|ifndef|elif|else|endif)\\b");

	private MacroUse() {
	}

	static boolean needsMacros(Collection<Path> files) throws IOException {
		for (Path file : files) {
			if (file.getFileName().toString().endsWith(".h") || DIRECTIVE.matcher(Files.readString(file)).find()) {
				return true;
			}
		}
		return false;
	}
}

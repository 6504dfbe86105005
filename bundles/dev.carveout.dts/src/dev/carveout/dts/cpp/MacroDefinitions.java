package dev.carveout.dts.cpp;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each macro still defined at the end of a run was #defined: what "go to definition" on a macro name opens.
 * Positions are kept as (file inclusion, offset) and turned into an {@link Origin} only when asked, because a
 * kernel board defines thousands of macros and asks for one.
 */
public final class MacroDefinitions {

	private record Site(FileContext file, int offset) {
	}

	private final Map<String, Site> sites = new HashMap<>();

	MacroDefinitions() {
	}

	void defined(String name, FileContext file, int offset) {
		sites.put(name, new Site(file, offset));
	}

	void undefined(String name) {
		sites.remove(name);
	}

	/** The place of the macro's #define (its name), or null for an unknown name or a command-line macro. */
	public Origin of(String name) {
		Site site = sites.get(name);
		return site == null ? null : site.file().origin(site.offset(), null);
	}
}

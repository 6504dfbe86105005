package dev.carveout.dts.cpp;

import java.util.List;

/**
 * A macro definition. Immutable, so a definition parsed from a shared header can be reused by every board that
 * includes it; whether it is disabled during its own expansion is the run's business (its context stack).
 */
final class Macro {

	final String name;
	final boolean functionLike;
	/** Parameter count, the variadic one included. */
	final int paramCount;
	/** The last parameter takes the variable arguments. */
	final boolean variadic;
	/** Body with parameters as {@link Tok#PARAM}, '#' and '##' folded into STRINGIFY and PASTE_LEFT flags. */
	final Tok[] body;
	final boolean hasPaste;
	/** True for __FILE__, __LINE__ and __COUNTER__, whose expansion the run computes. */
	final boolean builtin;

	/** The standard dynamic macros, which cpp keeps even with -undef. */
	static final List<Macro> BUILTINS = List.of(new Macro("__FILE__"), new Macro("__LINE__"), new Macro("__COUNTER__"));

	private Macro(String name) {
		this.name = name;
		this.functionLike = false;
		this.paramCount = 0;
		this.variadic = false;
		this.body = new Tok[0];
		this.hasPaste = false;
		this.builtin = true;
	}

	Macro(String name, boolean functionLike, int paramCount, boolean variadic, Tok[] body) {
		this.builtin = false;
		this.name = name;
		this.functionLike = functionLike;
		this.paramCount = paramCount;
		this.variadic = variadic;
		this.body = body;
		boolean paste = false;
		for (Tok t : body) {
			paste |= t.has(Tok.PASTE_LEFT);
		}
		this.hasPaste = paste;
	}
}

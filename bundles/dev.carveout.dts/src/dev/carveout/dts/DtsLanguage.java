package dev.carveout.dts;

import com.google.inject.Injector;

/**
 * The one place the language's runtime injector is made, so the editor, the CLI, the language server and the
 * tests all parse and validate with the same configuration.
 */
public final class DtsLanguage {

	private static volatile Injector injector;

	private DtsLanguage() {
	}

	public static Injector injector() {
		Injector result = injector;
		if (result == null) {
			synchronized (DtsLanguage.class) {
				result = injector;
				if (result == null) {
					injector = result = new DtsStandaloneSetup().createInjectorAndDoEMFRegistration();
				}
			}
		}
		return result;
	}
}

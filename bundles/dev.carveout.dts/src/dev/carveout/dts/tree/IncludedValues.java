package dev.carveout.dts.tree;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

import dev.carveout.dts.dts.IncludeDirective;

/** What an /include/ inside a property value brings in: dtc's lexer reads the file right there. */
@FunctionalInterface
public interface IncludedValues {

	/** Nothing is read: a value with an /include/ is unknown. */
	IncludedValues NONE = include -> {
		throw new UnknownValueException("/include/ in a value is not read");
	};

	/** The file's values ({@code Value}s) where the /include/ stands for a value, its {@code Cell}s inside '<>'. */
	List<? extends EObject> contents(IncludeDirective include) throws UnknownValueException;
}

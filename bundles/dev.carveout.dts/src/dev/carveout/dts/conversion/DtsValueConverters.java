package dev.carveout.dts.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.impl.AbstractLexerBasedConverter;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Strings keep their escapes as written: dtc's escapes (\x41, \012, \a) differ from Java's, so they are
 * resolved where the bytes are made (Literals.unescape), and a fix can write a value back unchanged.
 */
public class DtsValueConverters extends DefaultTerminalConverters {

	private final IValueConverter<String> rawString = new AbstractLexerBasedConverter<>() {
		@Override
		public String toValue(String string, INode node) {
			return string.length() >= 2 ? string.substring(1, string.length() - 1) : string;
		}

		@Override
		protected String toEscapedString(String value) {
			return '"' + value + '"';
		}
	};

	/** dtc-lexer.l's PROPNODENAME: "\\status" names the property "status". */
	private final IValueConverter<String> name = new AbstractNullSafeConverter<>() {
		@Override
		protected String internalToValue(String string, INode node) {
			return string.startsWith("\\") ? string.substring(1) : string;
		}

		@Override
		protected String internalToString(String value) {
			return value;
		}
	};

	@ValueConverter(rule = "Name")
	public IValueConverter<String> Name() {
		return name;
	}

	@Override
	@ValueConverter(rule = "STRING")
	public IValueConverter<String> STRING() {
		return rawString;
	}
}

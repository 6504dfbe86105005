package dev.carveout.dts.tree;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dtc's literal syntax: integers with C prefixes and suffixes, character and string escapes (util.c). */
public final class Literals {

	private Literals() {
	}

	/** dtc-lexer.l's integer token: decimal or octal digits, or 0x hex digits, then one of its suffixes. */
	private static final Pattern DTC_INTEGER = Pattern.compile("([0-9]+|0[xX][0-9a-fA-F]+)(U|L|UL|LL|ULL)?");

	/**
	 * "0x1f", "017", "42", optionally with U, L, UL, LL or ULL; unsigned 64-bit. What dtc refuses is refused with
	 * its words: a word its lexer would split ("5LU", "5u", "0x1g": dtc's "syntax error"), octal digits 8 or 9
	 * ("Bad integer literal") and values past 64 bits ("out of range").
	 */
	public static long integer(String text) throws UnknownValueException {
		Matcher m = DTC_INTEGER.matcher(text);
		if (!m.matches()) {
			throw new UnknownValueException("syntax error: '" + text + "' is not an integer literal");
		}
		String digits = m.group(1);
		int radix = 10;
		if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
			radix = 16;
			digits = digits.substring(2);
		} else if (digits.length() > 1 && digits.startsWith("0")) {
			radix = 8;
			digits = digits.substring(1);
		}
		if (radix == 8 && (digits.indexOf('8') >= 0 || digits.indexOf('9') >= 0)) {
			throw new UnknownValueException("Bad integer literal '" + text + "'");
		}
		try {
			return Long.parseUnsignedLong(digits, radix);
		} catch (NumberFormatException e) {
			throw new UnknownValueException("Integer literal '" + text + "' out of range");
		}
	}

	/** "'a'" or "'\n'" (quotes included). */
	public static long character(String quoted) throws UnknownValueException {
		byte[] bytes = unescape(quoted.substring(1, quoted.length() - 1));
		if (bytes.length == 0) {
			throw new UnknownValueException("Empty character literal");
		}
		if (bytes.length > 1) {
			throw new UnknownValueException("Character literal has " + bytes.length + " characters instead of 1");
		}
		return bytes[0];
	}

	/** The bytes of a string body (without quotes), escapes resolved as dtc's get_escape_char does. */
	public static byte[] unescape(String body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
		byte[] in = body.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < in.length; i++) {
			byte c = in[i];
			if (c != '\\' || i + 1 >= in.length) {
				out.write(c);
				continue;
			}
			byte e = in[++i];
			switch (e) {
				case 'a' -> out.write(7);
				case 'b' -> out.write('\b');
				case 't' -> out.write('\t');
				case 'n' -> out.write('\n');
				case 'v' -> out.write(11);
				case 'f' -> out.write('\f');
				case 'r' -> out.write('\r');
				case 'x' -> {
					int value = 0;
					int n = 0;
					while (n < 2 && i + 1 < in.length && Character.digit(in[i + 1], 16) >= 0) {
						value = value * 16 + Character.digit(in[++i], 16);
						n++;
					}
					out.write(value);
				}
				default -> {
					if (e >= '0' && e <= '7') {
						int value = e - '0';
						int n = 1;
						while (n < 3 && i + 1 < in.length && in[i + 1] >= '0' && in[i + 1] <= '7') {
							value = value * 8 + (in[++i] - '0');
							n++;
						}
						out.write(value);
					} else {
						out.write(e);
					}
				}
			}
		}
		return out.toByteArray();
	}
}

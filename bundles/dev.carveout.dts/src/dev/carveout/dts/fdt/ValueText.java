package dev.carveout.dts.fdt;

import java.nio.ByteBuffer;

/** A property value the way dtc -O dts would show it, short enough for a mismatch report. */
public final class ValueText {

	static final int MAX = 160;

	private ValueText() {
	}

	public static String of(byte[] value) {
		if (value.length == 0) {
			return "<empty>";
		}
		String text;
		if (isStringList(value)) {
			text = "\"" + new String(value, 0, value.length - 1, java.nio.charset.StandardCharsets.UTF_8)
					.replace("\0", "\", \"") + "\"";
		} else if (value.length % 4 == 0) {
			StringBuilder cells = new StringBuilder("<");
			ByteBuffer buffer = ByteBuffer.wrap(value);
			while (buffer.hasRemaining()) {
				cells.append(cells.length() > 1 ? " " : "").append("0x").append(Integer.toHexString(buffer.getInt()));
			}
			text = cells.append('>').toString();
		} else {
			StringBuilder bytes = new StringBuilder("[");
			for (byte b : value) {
				bytes.append(bytes.length() > 1 ? " " : "").append(String.format("%02x", b));
			}
			text = bytes.append(']').toString();
		}
		return clip(text) + (text.length() > MAX ? " (" + value.length + " bytes)" : "");
	}

	static String clip(String text) {
		return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
	}

	/** dtc's guess too: printable text, NUL-terminated, no empty strings. */
	private static boolean isStringList(byte[] value) {
		if (value[value.length - 1] != 0 || value[0] == 0) {
			return false;
		}
		for (int i = 0; i < value.length - 1; i++) {
			int c = value[i] & 0xff;
			if (c == 0 ? value[i + 1] == 0 : c < 0x20 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}
}

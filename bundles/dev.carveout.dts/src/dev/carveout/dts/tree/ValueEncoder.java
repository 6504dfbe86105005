package dev.carveout.dts.tree;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import dev.carveout.dts.dts.ByteChunk;
import dev.carveout.dts.dts.ByteItem;
import dev.carveout.dts.dts.ByteString;
import dev.carveout.dts.dts.Cell;
import dev.carveout.dts.dts.CellList;
import dev.carveout.dts.dts.Data;
import dev.carveout.dts.dts.Expression;
import dev.carveout.dts.dts.IncBin;
import dev.carveout.dts.dts.IncludeDirective;
import dev.carveout.dts.dts.Label;
import dev.carveout.dts.dts.MacroData;
import dev.carveout.dts.dts.ReferenceData;
import dev.carveout.dts.dts.StringData;
import dev.carveout.dts.dts.Value;

/** Turns a property's values into the bytes dtc writes (data.c, dtc-parser.y's propdata rules). */
public final class ValueEncoder {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final List<PropertyValue.Reference> references = new ArrayList<>();
	/** The bytes of the files the values' /incbin/s name, as read; an /incbin/ without them is unknown. */
	private final Map<IncBin, byte[]> incbinFiles;
	/** The values or cells of the file each /include/ in the values names. */
	private final IncludedValues includes;

	private ValueEncoder(Map<IncBin, byte[]> incbinFiles, IncludedValues includes) {
		this.incbinFiles = incbinFiles;
		this.includes = includes;
	}

	public static PropertyValue encode(List<Value> values) throws UnknownValueException {
		return encode(values, Map.of());
	}

	/** {@link #encode(List)} with the contents of the files the values' /incbin/s name. */
	public static PropertyValue encode(List<Value> values, Map<IncBin, byte[]> incbinFiles) throws UnknownValueException {
		return encode(values, incbinFiles, IncludedValues.NONE);
	}

	/** {@link #encode(List, Map)} with what the /include/s among the values and cells bring in. */
	public static PropertyValue encode(List<Value> values, Map<IncBin, byte[]> incbinFiles, IncludedValues includes)
			throws UnknownValueException {
		ValueEncoder encoder = new ValueEncoder(incbinFiles, includes);
		for (Value value : values) {
			encoder.data(value.getData());
		}
		return new PropertyValue(encoder.out.toByteArray(), List.copyOf(encoder.references));
	}

	/** A string property's value: the UTF-8 bytes and a NUL. */
	public static PropertyValue string(String text) {
		byte[] bytes = (text + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return new PropertyValue(bytes, List.of());
	}

	/** {@code <&label>}: one cell, 0xffffffff until the reference is resolved or made a fixup. */
	static PropertyValue unresolvedPhandle(String label) {
		return new PropertyValue(new byte[] { -1, -1, -1, -1 }, List.of(new PropertyValue.Reference(0, label, false)));
	}

	private void data(Data data) throws UnknownValueException {
		if (data instanceof StringData s) {
			out.writeBytes(Literals.unescape(s.getValue()));
			out.write(0);
		} else if (data instanceof CellList cells) {
			cells(cells);
		} else if (data instanceof ByteString bytes) {
			bytes(bytes);
		} else if (data instanceof ReferenceData ref) {
			references.add(new PropertyValue.Reference(out.size(), References.target(ref.getTarget()), true));
		} else if (data instanceof MacroData macro) {
			throw new UnknownValueException("macro " + macro.getCall().getName() + " is not expanded");
		} else if (data instanceof IncBin incbin) {
			incbin(incbin);
		} else if (data instanceof IncludeDirective include) {
			for (EObject value : includes.contents(include)) {
				data(((Value) value).getData());
			}
		}
	}

	/**
	 * dtc-parser.y's DT_INCBIN: from the offset (past the end: nothing), at most the length (all when it is absent,
	 * or -1 as dtc's data_copy_file reads it), as many bytes as the file has.
	 */
	private void incbin(IncBin incbin) throws UnknownValueException {
		byte[] file = incbinFiles.get(incbin);
		if (file == null) {
			throw new UnknownValueException("/incbin/ is not read");
		}
		long offset = incbin.getOffset() == null ? 0 : ExpressionEvaluator.evaluate(incbin.getOffset());
		long length = incbin.getLength() == null ? -1 : ExpressionEvaluator.evaluate(incbin.getLength());
		if (Long.compareUnsigned(offset, file.length) >= 0) {
			return;
		}
		long available = file.length - offset;
		int count = (int) (length == -1 || Long.compareUnsigned(length, available) > 0 ? available : length);
		out.write(file, (int) offset, count);
	}

	private void cells(CellList list) throws UnknownValueException {
		long bits = 32;
		if (list.getBits() != null) {
			try {
				bits = Literals.integer(list.getBits());
			} catch (UnknownValueException e) {
				throw new UnknownValueException(e.getMessage(), list);
			}
		}
		if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
			throw new UnknownValueException("Array elements must be 8, 16, 32 or 64-bits", list);
		}
		for (Cell cell : list.getCells()) {
			cell(cell, (int) bits);
		}
	}

	private void cell(Cell cell, int bits) throws UnknownValueException {
		if (cell instanceof Label) {
			return;
		}
		if (cell instanceof IncludeDirective include) {
			for (EObject included : includes.contents(include)) {
				cell((Cell) included, bits);
			}
		} else if (cell instanceof dev.carveout.dts.dts.Reference ref) {
			if (bits != 32) {
				throw new UnknownValueException("References are only allowed in arrays with 32-bit elements.", ref);
			}
			references.add(new PropertyValue.Reference(out.size(), References.target(ref), false));
			write(0xffffffffL, 32);
		} else {
			write(inRange(ExpressionEvaluator.evaluate((Expression) cell), bits, cell), bits);
		}
	}

	/**
	 * dtc-parser.y's arrayprefix: a value whose bits above the element's are neither all zero nor all one (a negative
	 * number sign-extended) is dtc 1.6.1's error "Value out of range".
	 */
	private static long inRange(long value, int bits, Cell cell) throws UnknownValueException {
		if (bits < 64) {
			long mask = (1L << bits) - 1;
			if (Long.compareUnsigned(value, mask) > 0 && (value | mask) != -1L) {
				throw new UnknownValueException("Value out of range for " + bits + "-bit array element", cell);
			}
		}
		return value;
	}

	private void write(long value, int bits) {
		for (int shift = bits - 8; shift >= 0; shift -= 8) {
			out.write((int) (value >>> shift) & 0xff);
		}
	}

	private void bytes(ByteString bytes) throws UnknownValueException {
		StringBuilder hex = new StringBuilder();
		for (ByteItem item : bytes.getItems()) {
			if (item instanceof ByteChunk chunk) {
				hex.append(chunk.getText());
			}
		}
		if (hex.length() % 2 != 0) {
			throw new UnknownValueException("byte string needs two hex digits per byte");
		}
		for (int i = 0; i < hex.length(); i += 2) {
			int hi = Character.digit(hex.charAt(i), 16);
			int lo = Character.digit(hex.charAt(i + 1), 16);
			if (hi < 0 || lo < 0) {
				throw new UnknownValueException("not a hex byte: " + hex.substring(i, i + 2));
			}
			out.write(hi * 16 + lo);
		}
	}
}

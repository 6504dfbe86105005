package dev.carveout.dts.fix;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;

import dev.carveout.dts.dts.Cell;
import dev.carveout.dts.dts.CellList;
import dev.carveout.dts.dts.Literal;
import dev.carveout.dts.dts.MacroCall;
import dev.carveout.dts.dts.MacroData;
import dev.carveout.dts.dts.Property;
import dev.carveout.dts.dts.Value;

/**
 * The cells of a property as written, when every one is a plain number: fixes rewrite numbers in place and
 * keep each one's base and case. A value built by a macro or an expression gives no cells (no fix offered).
 */
final class CellNumbers {

	private final List<ICompositeNode> nodes;
	private final List<String> texts;

	private CellNumbers(List<ICompositeNode> nodes, List<String> texts) {
		this.nodes = nodes;
		this.texts = texts;
	}

	static CellNumbers of(Property property) {
		List<ICompositeNode> nodes = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (Value value : property.getValues()) {
			if (!(value.getData() instanceof CellList list) || list.getBits() != null) {
				return null;
			}
			for (Cell cell : list.getCells()) {
				if (!(cell instanceof Literal literal)) {
					return null;
				}
				nodes.add(SourceFile.node(literal));
				texts.add(literal.getValue());
			}
		}
		return new CellNumbers(nodes, texts);
	}

	/**
	 * Why {@link #of} gives no cells for the property: the macro it uses, or that it is an expression; a fix
	 * cannot rewrite a number it does not see, and changing a macro would change every other use of it.
	 */
	static String whyNot(Property property) {
		for (Value value : property.getValues()) {
			if (value.getData() instanceof MacroData macro) {
				return "is written with the macro " + macro.getCall().getName();
			}
			if (value.getData() instanceof CellList list) {
				if (list.getBits() != null) {
					return "is a /bits/ " + list.getBits() + " value";
				}
				for (Cell cell : list.getCells()) {
					MacroCall call = cell instanceof MacroCall c ? c : EcoreUtil2.getAllContentsOfType(cell, MacroCall.class).stream().findFirst().orElse(null);
					if (call != null) {
						return "is written with the macro " + call.getName();
					}
					if (!(cell instanceof Literal)) {
						return "is written with an expression";
					}
				}
			}
		}
		return "is not a list of plain numbers";
	}

	int size() {
		return texts.size();
	}

	/** Where cell {@code i} starts and ends in its file. */
	int start(int i) {
		return nodes.get(i).getOffset();
	}

	int end(int i) {
		return nodes.get(i).getEndOffset();
	}

	/** {@code count} cells from {@code first} as written, one space apart. */
	String texts(int first, int count) {
		return String.join(" ", texts.subList(first, first + count));
	}

	/** The unsigned value of {@code count} cells from {@code first}, big-endian. */
	long value(int first, int count) {
		long value = 0;
		for (int i = first; i < first + count; i++) {
			value = (value << 32) | (Long.decode(stripSuffix(texts.get(i))) & 0xffffffffL);
		}
		return value;
	}

	/** Edits that write {@code value} into {@code count} cells from {@code first}; cells that keep their value are left alone. */
	List<TextEdit> write(SourceFile file, int first, int count, long value) {
		List<TextEdit> edits = new ArrayList<>();
		for (int i = first + count - 1; i >= first; i--) {
			long cell = value & 0xffffffffL;
			value >>>= 32;
			if ((Long.decode(stripSuffix(texts.get(i))) & 0xffffffffL) != cell) {
				ICompositeNode node = nodes.get(i);
				edits.add(new TextEdit(file.path, node.getOffset(), node.getLength(), format(cell, texts.get(i))));
			}
		}
		return edits;
	}

	/** In the style of the number it replaces: 0x with its case, octal, or decimal. */
	static String format(long value, String like) {
		String digits = stripSuffix(like);
		if (digits.startsWith("0x") || digits.startsWith("0X")) {
			boolean upper = !digits.substring(2).equals(digits.substring(2).toLowerCase());
			String hex = Long.toHexString(value);
			return digits.substring(0, 2) + (upper ? hex.toUpperCase() : hex);
		}
		if (digits.length() > 1 && digits.startsWith("0")) {
			return "0" + Long.toOctalString(value);
		}
		return Long.toString(value);
	}

	private static String stripSuffix(String literal) {
		return literal.replaceFirst("(?i)(u|l|ul|lu|ll|ull|llu)$", "");
	}
}

package dev.carveout.dts.fix;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;

import dev.carveout.dts.dts.Cell;
import dev.carveout.dts.dts.CellList;
import dev.carveout.dts.dts.Literal;
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

	int size() {
		return texts.size();
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

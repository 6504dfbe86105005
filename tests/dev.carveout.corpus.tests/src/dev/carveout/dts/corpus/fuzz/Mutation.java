package dev.carveout.dts.corpus.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The ways the fuzzer damages a real file, one per constant: the hostile inputs of issue 11 (deep nesting, macro
 * bombs, self-includes, huge cells, overflowing reg, division by zero, files that are not regular) and the damage
 * an editor or a bad merge does (truncation, byte flips, tokens deleted or duplicated, bytes that are not UTF-8).
 * Each takes the file's bytes and returns new ones; {@code self} is the file's own name, for self-includes.
 */
enum Mutation {

	DEEP_NODES {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			int depth = 200 + random.nextInt(5000);
			return insert(text, random, "n {\n".repeat(depth) + "};\n".repeat(random.nextInt(depth + 1)));
		}
	},
	DEEP_PARENTHESES {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			int depth = 100 + random.nextInt(2000);
			return insert(text, random, "x = <" + "(".repeat(depth) + "1" + ")".repeat(random.nextInt(depth + 1)) + ">;");
		}
	},
	TERNARY_CHAIN {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			return insert(text, random, "x = <(1" + " ? 2 : 3".repeat(100 + random.nextInt(4000)) + ")>;");
		}
	},
	UNARY_RUN {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			String op = new String[] { "~", "-", "!" }[random.nextInt(3)];
			return insert(text, random, "x = <(" + op.repeat(100 + random.nextInt(4000)) + "1)>;");
		}
	},
	LONG_SUM {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			return insert(text, random, "x = <(" + "1 + ".repeat(1000 + random.nextInt(10_000)) + "1)>;");
		}
	},
	MACRO_DOUBLING {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			int levels = 20 + random.nextInt(21);
			StringBuilder bomb = new StringBuilder("\n");
			for (int i = 0; i < levels; i++) {
				bomb.append("#define FZ").append(i).append(" FZ").append(i + 1).append(" FZ").append(i + 1).append('\n');
			}
			bomb.append("#define FZ").append(levels).append(" 1\n");
			byte[] defined = insertLine(text, random, bomb.toString());
			return insert(defined, random, random.nextBoolean() ? "x = <FZ0>;" : "\n#if FZ0\n#endif\n");
		}
	},
	NESTED_MACRO_ARGUMENTS {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			int depth = 50 + random.nextInt(3000);
			return insert(insertLine(text, random, "\n#define FZA(x) x\n"), random,
					"x = <" + "FZA(".repeat(depth) + "1" + ")".repeat(depth) + ">;");
		}
	},
	CPP_SELF_INCLUDE {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			return insertLine(text, random, random.nextBoolean() ? "\n#include __FILE__\n" : "\n#include \"" + self + "\"\n");
		}
	},
	DTC_SELF_INCLUDE {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			return insertLine(text, random, "\n/include/ \"" + self + "\"\n");
		}
	},
	NOT_A_REGULAR_FILE {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			String file = new String[] { "/dev/zero", "/dev/null", "/tmp", "/proc/self" }[random.nextInt(4)];
			return switch (random.nextInt(3)) {
			case 0 -> insertLine(text, random, "\n/include/ \"" + file + "\"\n");
			case 1 -> insertLine(text, random, "\n#include \"" + file + "\"\n");
			default -> insert(text, random, "x = /incbin/(\"" + file + "\");");
			};
		}
	},
	HUGE_CELLS {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			String cells = new String[] { "0xffffffff", "0x80000000", "5", "0", "1000", "0x7fffffff" }[random.nextInt(6)];
			String property = random.nextBoolean() ? "#address-cells" : "#size-cells";
			String replaced = replaceAll(text, property + " = <[^>]*>", property + " = <" + cells + ">");
			return replaced != null ? replaced.getBytes(StandardCharsets.ISO_8859_1)
					: insert(text, random, property + " = <" + cells + ">;");
		}
	},
	OVERFLOWING_REG {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			String node = random.nextBoolean()
					? "memory@fffffffffffff000 { device_type = \"memory\"; reg = <0xffffffff 0xfffff000 0x0 0x20000>; };"
					: "reserved-memory { #address-cells = <2>; #size-cells = <2>; ranges; r@fffffffffffff000 { reg = <0xffffffff 0xfffff000 0x1 0x0>; no-map; }; };";
			return insert(text, random, node);
		}
	},
	DIVISION_BY_ZERO {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			return insert(text, random, "x = <(" + random.nextInt(100) + (random.nextBoolean() ? " / " : " % ") + "0)>;");
		}
	},
	TRUNCATION {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			return java.util.Arrays.copyOf(text, text.length == 0 ? 0 : random.nextInt(text.length));
		}
	},
	BYTE_FLIPS {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			byte[] copy = text.clone();
			for (int n = 1 + random.nextInt(16); n > 0 && copy.length > 0; n--) {
				copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
			}
			return copy;
		}
	},
	TOKEN_DELETION {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			int[] span = tokenSpan(text, random);
			return splice(text, span[0], span[1], new byte[0]);
		}
	},
	TOKEN_DUPLICATION {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			int[] span = tokenSpan(text, random);
			byte[] token = java.util.Arrays.copyOfRange(text, span[0], span[1]);
			byte[] repeated = new byte[token.length * (1 + random.nextInt(50))];
			for (int i = 0; i < repeated.length; i++) {
				repeated[i] = token[i % Math.max(1, token.length)];
			}
			return splice(text, span[1], span[1], repeated);
		}
	},
	NOT_UTF8 {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			byte[][] bad = { { (byte) 0xff }, { (byte) 0xc3 }, { (byte) 0xe2, (byte) 0x82 }, { (byte) 0xed, (byte) 0xa0, (byte) 0x80 } };
			int at = text.length == 0 ? 0 : random.nextInt(text.length);
			return splice(text, at, at, bad[random.nextInt(bad.length)]);
		}
	},
	LINE_SHUFFLE {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			String[] lines = new String(text, StandardCharsets.ISO_8859_1).split("\n", -1);
			for (int n = 1 + random.nextInt(8); n > 0 && lines.length > 1; n--) {
				int a = random.nextInt(lines.length);
				int b = random.nextInt(lines.length);
				String swap = lines[a];
				lines[a] = lines[b];
				lines[b] = swap;
			}
			return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
		}
	},
	MANY_PROPERTIES {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			return insert(text, random, "big {\n" + "p;\n".repeat(1000 + random.nextInt(20_000)) + "};");
		}
	},
	UNBALANCED {
		@Override
		byte[] apply(byte[] text, Random random, String self) {
			String junk = new String[] { "{", "}", "};", "(", ")", "<", ">", "[", "]", "\"", "'", "/*", "*/", "#if 1", "#endif",
					"&", "&{", "\\" }[random.nextInt(18)];
			return insert(text, random, junk);
		}
	};

	abstract byte[] apply(byte[] text, Random random, String self);

	static byte[] insert(byte[] text, Random random, String what) {
		int at = text.length == 0 ? 0 : random.nextInt(text.length + 1);
		return splice(text, at, at, what.getBytes(StandardCharsets.ISO_8859_1));
	}

	/** Inserts at the start of a line, where a cpp directive must stand. */
	static byte[] insertLine(byte[] text, Random random, String what) {
		int at = text.length == 0 ? 0 : random.nextInt(text.length + 1);
		while (at > 0 && text[at - 1] != '\n') {
			at--;
		}
		return splice(text, at, at, what.getBytes(StandardCharsets.ISO_8859_1));
	}

	static byte[] splice(byte[] text, int from, int to, byte[] with) {
		byte[] result = new byte[text.length - (to - from) + with.length];
		System.arraycopy(text, 0, result, 0, from);
		System.arraycopy(with, 0, result, from, with.length);
		System.arraycopy(text, to, result, from + with.length, text.length - to);
		return result;
	}

	/** A random run of letters, digits and '_' or a single other byte: [start, end). */
	static int[] tokenSpan(byte[] text, Random random) {
		if (text.length == 0) {
			return new int[] { 0, 0 };
		}
		int at = random.nextInt(text.length);
		int start = at;
		int end = at + 1;
		if (isWord(text[at])) {
			while (start > 0 && isWord(text[start - 1])) {
				start--;
			}
			while (end < text.length && isWord(text[end])) {
				end++;
			}
		}
		return new int[] { start, end };
	}

	private static boolean isWord(byte b) {
		return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
	}

	/** The text with every match of {@code regex} replaced, or null when there is none. */
	private static String replaceAll(byte[] text, String regex, String replacement) {
		String s = new String(text, StandardCharsets.ISO_8859_1);
		String replaced = s.replaceAll(regex, java.util.regex.Matcher.quoteReplacement(replacement));
		return replaced.equals(s) ? null : replaced;
	}
}

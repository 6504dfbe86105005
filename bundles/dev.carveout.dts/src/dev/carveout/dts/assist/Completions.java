package dev.carveout.dts.assist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.carveout.dts.assist.Completion.Kind;
import dev.carveout.dts.nav.IncludeGraph;
import dev.carveout.dts.tree.DtNode;
import dev.carveout.dts.tree.DtProperty;
import dev.carveout.dts.tree.DtTree;

/**
 * Completion from what the kernel and the board know, for every front end: the properties of a /reserved-memory
 * child and their values, the compatible strings (the reserved-memory bindings inside /reserved-memory, the board's
 * own elsewhere), statuses, the board's labels after {@code &}, and the files an include line can name. The context
 * comes from the text before the cursor, which stays readable while the user is in the middle of a statement and
 * the parse is not.
 */
public final class Completions {

	/** Property names of a reserved-memory child with what to insert: flags end the statement, values open it. */
	public static final List<String[]> REGION_PROPERTIES = List.of(
			new String[] { "reg", "reg = <", "base and size, in the root's cells" },
			new String[] { "size", "size = <", "a dynamic region's size, placed at boot" },
			new String[] { "alignment", "alignment = <", "a dynamic region's alignment (address cells)" },
			new String[] { "alloc-ranges", "alloc-ranges = <", "where a dynamic region may be placed" },
			new String[] { "no-map", "no-map;", "not in the linear map: no CPU access by the kernel" },
			new String[] { "reusable", "reusable;", "the kernel may use it while the owner does not (CMA)" },
			new String[] { "compatible", "compatible = \"", "shared-dma-pool, restricted-dma-pool, ..." },
			new String[] { "linux,cma-default", "linux,cma-default;", "the default CMA pool" },
			new String[] { "linux,dma-default", "linux,dma-default;", "the default coherent DMA pool" },
			new String[] { "status", "status = \"", "okay or disabled" });

	/**
	 * The compatibles of Documentation/devicetree/bindings/reserved-memory (Linux 6.12) with what claims them; a
	 * board's own reserved-memory compatibles are proposed too.
	 */
	public static final List<String[]> REGION_COMPATIBLES = List.of(
			new String[] { "shared-dma-pool", "a CMA pool (reusable) or a coherent DMA pool" },
			new String[] { "restricted-dma-pool", "a bounce-buffer pool for devices that must not see all memory" },
			new String[] { "ramoops", "persistent RAM for kernel oops and console logs" },
			new String[] { "framebuffer", "a framebuffer set up by the firmware" },
			new String[] { "phram", "memory exposed as an MTD device" },
			new String[] { "qcom,cmd-db", "Qualcomm command DB" },
			new String[] { "qcom,rmtfs-mem", "Qualcomm remote file system memory" },
			new String[] { "google,open-dice", "Open Profile for DICE handover" });

	public static final List<String> STATUSES = List.of("okay", "disabled");

	private static final Pattern LABEL_PREFIX = Pattern.compile("&([A-Za-z0-9_]*)$");
	private static final Pattern STRING_PREFIX = Pattern.compile(
			"\\b(compatible|status)\\s*=\\s*(?:\"[^\"]*\"\\s*,\\s*)*\"([^\"]*)$");
	private static final Pattern STATEMENT_PREFIX = Pattern.compile("(?:^|[;{}])\\s*([A-Za-z0-9,._+#?-]*)$");
	private static final Pattern INCLUDE_PREFIX = Pattern.compile(
			"^[ \\t]*(?:#[ \\t]*include(?:_next)?[ \\t]*([\"<])|/include/[ \\t]*(\"))([^\">\\n]*)$");
	private static final Set<String> INCLUDABLE = Set.of("dtsi", "dts", "h");

	private final Supplier<DtTree> tree;
	private final IncludeGraph includes;

	/**
	 * @param tree     the board's effective tree (asked for only when the context needs it: labels, references
	 *                 in node headers); may supply null
	 * @param includes the board's include search path
	 */
	public Completions(Supplier<DtTree> tree, IncludeGraph includes) {
		this.tree = tree;
		this.includes = includes;
	}

	/** What fits at {@code offset} of the file's text. */
	public List<Completion> at(Path file, String text, int offset) {
		String before = text.substring(0, Math.max(0, Math.min(offset, text.length())));
		String line = before.substring(before.lastIndexOf('\n') + 1);
		List<Completion> completions = new ArrayList<>();
		Matcher include = INCLUDE_PREFIX.matcher(line);
		Matcher label = LABEL_PREFIX.matcher(before);
		Matcher string = STRING_PREFIX.matcher(before);
		Matcher statement = STATEMENT_PREFIX.matcher(before);
		if (include.find()) {
			includePaths(file, !"<".equals(include.group(1)), include.group(3), offset, completions);
		} else if (label.find()) {
			for (String name : labels(tree.get())) {
				completions.add(new Completion(name, name, Kind.LABEL, "label", offset - label.group(1).length(),
						label.group(1).length()));
			}
		} else if (string.find()) {
			int start = offset - string.group(2).length();
			for (String[] value : values(string.group(1), inReservedMemoryChild(before))) {
				completions.add(new Completion(value[0], value[0], Kind.VALUE, value[1], start, string.group(2).length()));
			}
		} else if (statement.find() && inReservedMemoryChild(before)) {
			for (String[] property : REGION_PROPERTIES) {
				completions.add(new Completion(property[0], property[1], Kind.PROPERTY, property[2],
						offset - statement.group(1).length(), statement.group(1).length()));
			}
		}
		return completions;
	}

	private List<String[]> values(String property, boolean inRegion) {
		List<String[]> values = new ArrayList<>();
		if (property.equals("status")) {
			STATUSES.forEach(status -> values.add(new String[] { status, "status" }));
			return values;
		}
		Set<String> known = new LinkedHashSet<>();
		if (inRegion) {
			for (String[] compatible : REGION_COMPATIBLES) {
				known.add(compatible[0]);
				values.add(compatible);
			}
		}
		DtTree board = tree.get();
		if (board != null) {
			DtNode reservedMemory = board.find("/reserved-memory");
			for (String compatible : compatibles(inRegion && reservedMemory != null ? reservedMemory : board.root())) {
				if (known.add(compatible)) {
					values.add(new String[] { compatible, "used on this board" });
				}
			}
		}
		return values;
	}

	/** The compatible strings of a subtree, each once, in tree order. */
	private static Set<String> compatibles(DtNode node) {
		Set<String> found = new LinkedHashSet<>();
		collectCompatibles(node, found);
		return found;
	}

	private static void collectCompatibles(DtNode node, Set<String> found) {
		DtProperty compatible = node.property("compatible");
		if (compatible != null) {
			for (String value : compatible.value().strings()) {
				if (!value.isEmpty()) {
					found.add(value);
				}
			}
		}
		node.children().forEach(child -> collectCompatibles(child, found));
	}

	/** The folders and includable files under each search directory that continue what was typed. */
	private void includePaths(Path file, boolean quoted, String typed, int offset, List<Completion> completions) {
		int slash = typed.lastIndexOf('/');
		String folder = typed.substring(0, slash + 1);
		String prefix = typed.substring(slash + 1);
		TreeMap<String, Kind> entries = new TreeMap<>();
		for (Path dir : includes.searchPath(file, quoted)) {
			Path base = dir.resolve(folder);
			if (!Files.isDirectory(base)) {
				continue;
			}
			try (Stream<Path> children = Files.list(base)) {
				children.forEach(child -> {
					String name = child.getFileName().toString();
					if (name.startsWith(prefix) && !name.startsWith(".")) {
						if (Files.isDirectory(child)) {
							entries.putIfAbsent(name + "/", Kind.FOLDER);
						} else if (INCLUDABLE.contains(name.substring(name.lastIndexOf('.') + 1))) {
							entries.putIfAbsent(name, Kind.FILE);
						}
					}
				});
			} catch (IOException e) {
				// an unreadable include directory offers nothing, as cpp would find nothing in it
			}
		}
		entries.forEach((name, kind) -> completions.add(new Completion(name, name, kind,
				kind == Kind.FOLDER ? "folder" : "file", offset - prefix.length(), prefix.length())));
	}

	private static Set<String> labels(DtTree tree) {
		Set<String> labels = new LinkedHashSet<>();
		if (tree != null) {
			collectLabels(tree.root(), labels);
		}
		return labels;
	}

	private static void collectLabels(DtNode node, Set<String> labels) {
		labels.addAll(node.labels());
		node.children().forEach(child -> collectLabels(child, labels));
	}

	private static final char PATH_OPEN = '\u0001';
	private static final char PATH_CLOSE = '\u0002';
	private static final Pattern PATH_REFERENCE = Pattern.compile("&\\{([^}]*)\\}");
	private static final Pattern HEADER = Pattern.compile(
			"(?:[A-Za-z_][A-Za-z0-9_]*:\\s*)*(&\u0001[^\u0002]*\u0002|&[A-Za-z_][A-Za-z0-9_]*|/|[A-Za-z0-9,._+@-]+)\\s*$");

	/**
	 * Whether the cursor is in the body of a direct child of /reserved-memory: the headers of the unclosed braces
	 * before it, resolved like dtc ({@code &label} and {@code &{/path}} through the board's tree).
	 */
	private boolean inReservedMemoryChild(String before) {
		// &{/path} references hold braces that open no node: hide them from the brace count.
		String text = PATH_REFERENCE.matcher(before)
				.replaceAll(m -> Matcher.quoteReplacement("&" + PATH_OPEN + m.group(1) + PATH_CLOSE));
		Deque<String> headers = new ArrayDeque<>();
		int depth = 0;
		for (int i = text.length() - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == '}') {
				depth++;
			} else if (c == '{') {
				if (depth > 0) {
					depth--;
				} else {
					Matcher header = HEADER.matcher(text.substring(Math.max(0, i - 200), i));
					headers.push(header.find() ? header.group(1).replace(PATH_OPEN, '{').replace(PATH_CLOSE, '}') : "?");
				}
			}
		}
		if (headers.isEmpty()) {
			return false;
		}
		DtTree board = null;
		String path = null;
		for (String header : headers) {
			if (header.startsWith("&")) {
				if (board == null) {
					board = tree.get();
				}
				String target = header.startsWith("&{") ? header.substring(2, header.length() - 1) : header.substring(1);
				DtNode node = board == null ? null : board.resolve(target);
				path = node == null ? "?" : node.path();
			} else if (header.equals("/")) {
				path = "/";
			} else {
				path = (path == null || path.equals("/") ? "" : path) + "/" + header;
			}
		}
		int slash = path.lastIndexOf('/');
		String parent = slash <= 0 ? "/" : path.substring(0, slash);
		return parent.equals("/reserved-memory") || parent.startsWith("/reserved-memory@");
	}
}

package dev.carveout.lsp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

import dev.carveout.dts.tree.DtNode;
import dev.carveout.dts.tree.DtTree;

/**
 * Completion from what the kernel reads: the properties of a /reserved-memory child, the compatible values and
 * statuses it knows, and the board's labels after {@code &}. The context comes from the text before the
 * cursor, which stays readable while the user is in the middle of a statement and the parse is not. Xtext's
 * grammar-driven proposals are not added: its content-assist parser does not follow cpp's directive lines.
 */
public class ReservedMemoryCompletions extends ContentAssistService {

	/** Property names with what to insert: flags end the statement, values open it. */
	static final List<String[]> REGION_PROPERTIES = List.of(
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

	static final List<String> COMPATIBLES = List.of("shared-dma-pool", "restricted-dma-pool");
	static final List<String> STATUSES = List.of("okay", "disabled");

	private static final Pattern LABEL_PREFIX = Pattern.compile("&([A-Za-z0-9_]*)$");
	private static final Pattern STRING_PREFIX = Pattern.compile("\\b(compatible|status)\\s*=\\s*(?:\"[^\"]*\"\\s*,\\s*)*\"([^\"]*)$");
	private static final Pattern STATEMENT_PREFIX = Pattern.compile("(?:^|[;{}])\\s*([A-Za-z0-9,._+#?-]*)$");
	private static final char PATH_OPEN = '\u0001';
	private static final char PATH_CLOSE = '\u0002';
	private static final Pattern PATH_REFERENCE = Pattern.compile("&\\{([^}]*)\\}");
	private static final Pattern HEADER = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_]*:\\s*)*(&\u0001[^\u0002]*\u0002|&[A-Za-z_][A-Za-z0-9_]*|/|[A-Za-z0-9,._+@-]+)\\s*$");

	@Inject
	private EngineSession session;

	@Override
	public CompletionList createCompletionList(Document document, XtextResource resource, CompletionParams params,
			CancelIndicator cancelIndicator) {
		int offset = document.getOffSet(params.getPosition());
		String before = document.getContents().substring(0, offset);
		List<CompletionItem> items = new ArrayList<>();
		Matcher label = LABEL_PREFIX.matcher(before);
		Matcher string = STRING_PREFIX.matcher(before);
		Matcher statement = STATEMENT_PREFIX.matcher(before);
		if (label.find()) {
			DtTree tree = session.check(resource).result().tree();
			for (String name : labels(tree)) {
				items.add(item(name, name, CompletionItemKind.Reference, "label", document, offset, label.group(1).length()));
			}
		} else if (string.find()) {
			List<String> values = string.group(1).equals("status") ? STATUSES
					: inReservedMemoryChild(resource, before) ? COMPATIBLES : List.of();
			for (String value : values) {
				items.add(item(value, value, CompletionItemKind.Value, string.group(1), document, offset, string.group(2).length()));
			}
		} else if (statement.find() && inReservedMemoryChild(resource, before)) {
			for (String[] property : REGION_PROPERTIES) {
				items.add(item(property[0], property[1], CompletionItemKind.Property, property[2], document, offset,
						statement.group(1).length()));
			}
		}
		return new CompletionList(false, items);
	}

	private static CompletionItem item(String label, String insert, CompletionItemKind kind, String detail, Document document,
			int offset, int prefixLength) {
		CompletionItem item = new CompletionItem(label);
		item.setKind(kind);
		item.setDetail(detail);
		item.setTextEdit(Either.forLeft(new TextEdit(
				new org.eclipse.lsp4j.Range(document.getPosition(offset - prefixLength), document.getPosition(offset)), insert)));
		return item;
	}

	private static Set<String> labels(DtTree tree) {
		Set<String> labels = new LinkedHashSet<>();
		if (tree != null) {
			collect(tree.root(), labels);
		}
		return labels;
	}

	private static void collect(DtNode node, Set<String> labels) {
		labels.addAll(node.labels());
		node.children().forEach(child -> collect(child, labels));
	}

	/**
	 * Whether the cursor is in the body of a direct child of /reserved-memory: the headers of the unclosed
	 * braces before it, resolved like dtc ({@code &label} and {@code &{/path}} through the board's tree).
	 */
	private boolean inReservedMemoryChild(XtextResource resource, String before) {
		// &{/path} references hold braces that open no node: hide them from the brace count.
		String text = PATH_REFERENCE.matcher(before).replaceAll(m -> Matcher.quoteReplacement(
				"&" + PATH_OPEN + m.group(1) + PATH_CLOSE));
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
		DtTree tree = null;
		String path = null;
		for (String header : headers) {
			if (header.startsWith("&")) {
				if (tree == null) {
					tree = session.check(resource).result().tree();
				}
				String target = header.startsWith("&{") ? header.substring(2, header.length() - 1) : header.substring(1);
				DtNode node = tree == null ? null : tree.resolve(target);
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

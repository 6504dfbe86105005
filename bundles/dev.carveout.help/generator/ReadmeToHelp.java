import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns README.md into the Eclipse help of the Carveout user guide: one HTML page per "##" section (the text before
 * the first one is the guide's first page), a toc.xml with a topic per section and per "###" heading, and the images
 * the README shows. Run at every build (see pom.xml), so the help never drifts from the README.
 *
 * <p>Usage: {@code java -cp <commonmark jars> ReadmeToHelp.java README.md OUTPUT_DIR}. The output folder is emptied
 * first. A link the help cannot follow (an anchor no heading has, a file of the repository that is not shipped) keeps
 * its text and loses the link, with a warning naming the README's line.
 */
public class ReadmeToHelp {

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: ReadmeToHelp README.md OUTPUT_DIR");
			System.exit(3);
		}
		Path readme = Path.of(args[0]).toAbsolutePath().normalize();
		Path output = Path.of(args[1]).toAbsolutePath().normalize();
		Guide guide = Guide.read(readme);
		HelpFolder.recreate(output);
		int images = new ImageCopier(readme.getParent(), output).copyAll(guide);
		new LinkRewriter(guide, readme).rewriteAll();
		new PageWriter(output).writeAll(guide);
		Files.writeString(output.resolve("toc.xml"), TocWriter.toc(guide), StandardCharsets.UTF_8);
		System.out.printf("help: %d pages, %d images from %s into %s%n", guide.pages.size(), images, readme, output);
	}

	/** The folder name the bundle's plugin.xml and contexts files use in topic hrefs. */
	static final String HREF_PREFIX = "help/";

	static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	/** The README split into pages, with GitHub's id of every heading and the page each id lives on. */
	static final class Guide {
		final List<Page> pages = new ArrayList<>();
		final Map<Heading, String> headingIds = new IdentityHashMap<>();
		final Map<String, Page> pageOfId = new LinkedHashMap<>();

		static Guide read(Path readme) throws IOException {
			Parser parser = Parser.builder().extensions(EXTENSIONS).includeSourceSpans(
					org.commonmark.parser.IncludeSourceSpans.BLOCKS_AND_INLINES).build();
			Node document = parser.parse(Files.readString(readme, StandardCharsets.UTF_8));
			Guide guide = new Guide();
			// one generator for the whole file: GitHub numbers repeated headings across the file, and README links use those ids
			IdGenerator ids = IdGenerator.builder().build();
			Page page = new Page("index", null);
			guide.pages.add(page);
			Node node = document.getFirstChild();
			while (node != null) {
				Node next = node.getNext();
				if (node instanceof Heading heading && heading.getLevel() >= 2) {
					String id = ids.generateId(HeadingText.of(heading));
					guide.headingIds.put(heading, id);
					if (heading.getLevel() == 2) {
						page = new Page(id, heading);
						guide.pages.add(page);
					} else if (heading.getLevel() == 3) {
						page.subHeadings.add(heading);
					}
					guide.pageOfId.put(id, page);
				} else if (node instanceof Heading heading) {
					page.title = HeadingText.of(heading);
				}
				node.unlink();
				page.body.appendChild(node);
				node = next;
			}
			return guide;
		}
	}

	/** One help page: a "##" section with its "###" headings, or the introduction. */
	static final class Page {
		final String id;
		final Heading heading;
		final Document body = new Document();
		final List<Heading> subHeadings = new ArrayList<>();
		String title;

		Page(String id, Heading heading) {
			this.id = id;
			this.heading = heading;
			this.title = heading == null ? "Carveout" : HeadingText.of(heading);
		}

		String fileName() {
			return id + ".html";
		}
	}

	/** A heading's plain text, as GitHub reads it for the id: text and code spans, markup dropped. */
	static final class HeadingText extends AbstractVisitor {
		private final StringBuilder text = new StringBuilder();

		static String of(Heading heading) {
			HeadingText visitor = new HeadingText();
			heading.accept(visitor);
			return visitor.text.toString();
		}

		@Override
		public void visit(Text node) {
			text.append(node.getLiteral());
		}

		@Override
		public void visit(Code node) {
			text.append(node.getLiteral());
		}
	}

	/** Empties the output folder: pages of sections the README no longer has must not stay in the help. */
	static final class HelpFolder {
		static void recreate(Path output) throws IOException {
			if (Files.exists(output)) {
				try (Stream<Path> walk = Files.walk(output)) {
					for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
						Files.delete(path);
					}
				}
			}
			Files.createDirectories(output.resolve("images"));
		}
	}

	/** Copies each image the README shows into images/ and points the image there. */
	static final class ImageCopier extends AbstractVisitor {
		private final Path base;
		private final Path output;
		private int copied;

		ImageCopier(Path base, Path output) {
			this.base = base;
			this.output = output;
		}

		int copyAll(Guide guide) {
			guide.pages.forEach(page -> page.body.accept(this));
			return copied;
		}

		@Override
		public void visit(Image image) {
			String destination = image.getDestination();
			if (Links.isExternal(destination)) {
				return;
			}
			Path source = base.resolve(destination).normalize();
			Path target = output.resolve("images").resolve(source.getFileName().toString());
			try {
				Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				image.setDestination("images/" + target.getFileName());
				copied++;
			} catch (IOException e) {
				Warnings.warn(image, "image " + destination + " not copied: " + e);
			}
		}
	}

	/**
	 * Points README-internal links ("#heading") at the page that holds the heading; links to files of the
	 * repository, which the help does not ship, become their text.
	 */
	static final class LinkRewriter extends AbstractVisitor {
		private final Guide guide;
		private final List<Link> unlinked = new ArrayList<>();

		LinkRewriter(Guide guide, Path readme) {
			this.guide = guide;
		}

		void rewriteAll() {
			guide.pages.forEach(page -> page.body.accept(this));
			for (Link link : unlinked) {
				Node child = link.getFirstChild();
				while (child != null) {
					Node next = child.getNext();
					link.insertBefore(child);
					child = next;
				}
				link.unlink();
			}
		}

		@Override
		public void visit(Link link) {
			String destination = link.getDestination();
			if (Links.isExternal(destination)) {
				return;
			}
			if (destination.startsWith("#")) {
				Page page = guide.pageOfId.get(destination.substring(1));
				if (page != null) {
					link.setDestination(page.fileName() + destination);
					return;
				}
				Warnings.warn(link, "link to " + destination + ": no heading has that id; kept as text");
			}
			unlinked.add(link);
			visitChildren(link);
		}
	}

	static final class Links {
		static boolean isExternal(String destination) {
			return destination.startsWith("http://") || destination.startsWith("https://") || destination.startsWith("mailto:");
		}
	}

	static final class Warnings {
		static void warn(Node node, String message) {
			int line = node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
			System.err.println("README.md:" + line + ": warning: " + message);
		}
	}

	/** Writes each page as a complete HTML document, with GitHub's ids on its headings so "#…" links land. */
	static final class PageWriter {
		private final Path output;

		PageWriter(Path output) {
			this.output = output;
		}

		void writeAll(Guide guide) throws IOException {
			HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
					.attributeProviderFactory(context -> (node, tagName, attributes) -> {
						if (node instanceof Heading heading && guide.headingIds.containsKey(heading)) {
							attributes.put("id", guide.headingIds.get(heading));
						}
					}).build();
			for (Page page : guide.pages) {
				String html = """
						<!DOCTYPE html>
						<html lang="en">
						<head>
						<meta charset="UTF-8">
						<title>%s</title>
						<style>
						body { font-family: sans-serif; max-width: 60em; margin: 1em; line-height: 1.4; }
						table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; }
						code, pre { background: #f4f4f4; } pre { padding: 0.5em; overflow-x: auto; } img { max-width: 100%%; }
						</style>
						</head>
						<body>
						%s</body>
						</html>
						""".formatted(Xml.escape(page.title), renderer.render(page.body));
				Files.writeString(output.resolve(page.fileName()), html, StandardCharsets.UTF_8);
			}
		}
	}

	/** The table of contents: the guide's first page as its topic, a topic per section and per "###" heading. */
	static final class TocWriter {
		static String toc(Guide guide) {
			StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?NLS TYPE=\"org.eclipse.help.toc\"?>\n");
			xml.append("<!-- Generated from README.md by generator/ReadmeToHelp.java; edit the README, not this file. -->\n");
			xml.append("<toc label=\"Carveout User Guide\" topic=\"").append(HREF_PREFIX).append("index.html\">\n");
			for (Page page : guide.pages.subList(1, guide.pages.size())) {
				String href = HREF_PREFIX + page.fileName();
				xml.append("   <topic label=\"").append(Xml.escape(page.title)).append("\" href=\"").append(href).append('"');
				if (page.subHeadings.isEmpty()) {
					xml.append("/>\n");
					continue;
				}
				xml.append(">\n");
				for (Heading sub : page.subHeadings) {
					xml.append("      <topic label=\"").append(Xml.escape(HeadingText.of(sub))).append("\" href=\"")
							.append(href).append('#').append(guide.headingIds.get(sub)).append("\"/>\n");
				}
				xml.append("   </topic>\n");
			}
			return xml.append("</toc>\n").toString();
		}
	}

	static final class Xml {
		static String escape(String text) {
			return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
		}
	}
}

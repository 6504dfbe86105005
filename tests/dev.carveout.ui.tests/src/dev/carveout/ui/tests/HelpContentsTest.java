package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IToc;
import org.eclipse.help.ITopic;
import org.junit.jupiter.api.Test;

/**
 * Help > Help Contents has the user guide, made from the README at build time: its table of contents is registered,
 * has a topic for each of the README's sections, and every topic, link and image it shows resolves.
 */
class HelpContentsTest {

	static final String GUIDE = "Carveout User Guide";
	private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:href|src)=\"(?!https?:|mailto:)([^\"#]*)(?:#([^\"]*))?\"");

	@Test
	void theGuideHasATopicForEverySectionOfTheReadme() throws IOException {
		IToc guide = guide();
		List<String> topics = Arrays.stream(guide.getTopics()).map(ITopic::getLabel).toList();
		assertEquals(readmeSections(), topics, "one topic per '## ' section of README.md, in its order");
	}

	@Test
	void everyTopicOfTheGuideResolvesToAPageWithItsAnchor() throws IOException {
		List<String> checked = new ArrayList<>();
		resolveAll(guide().getTopics(), checked);
		assertTrue(checked.size() > readmeSections().size(), "sections and their sub-headings: " + checked);
		assertNotNull(content(guide().getTopic(null).getHref()), "the guide's own first page");
	}

	@Test
	void everyLinkAndImageInTheGuidesPagesResolves() throws IOException {
		List<String> broken = new ArrayList<>();
		int references = 0;
		for (ITopic topic : guide().getTopics()) {
			String page = withoutAnchor(topic.getHref());
			String folder = page.substring(0, page.lastIndexOf('/') + 1);
			Matcher m = LOCAL_REFERENCE.matcher(content(page));
			while (m.find()) {
				references++;
				String target = m.group(1).isEmpty() ? page : folder + m.group(1);
				String html = contentOrNull(target);
				if (html == null || (m.group(2) != null && !html.contains("id=\"" + m.group(2) + "\""))) {
					broken.add(page + " -> " + m.group(0));
				}
			}
		}
		assertEquals(List.of(), broken);
		assertTrue(references > 10, "the README's images and its links between sections: " + references);
	}

	static IToc guide() {
		return Arrays.stream(HelpSystem.getTocs()).filter(t -> GUIDE.equals(t.getLabel())).findFirst()
				.orElseThrow(() -> new AssertionError("no '" + GUIDE + "' in Help Contents: "
						+ Arrays.stream(HelpSystem.getTocs()).map(IToc::getLabel).toList()));
	}

	private static void resolveAll(ITopic[] topics, List<String> checked) {
		for (ITopic topic : topics) {
			String href = topic.getHref();
			String html = content(withoutAnchor(href));
			if (href.contains("#")) {
				String id = href.substring(href.indexOf('#') + 1);
				assertTrue(html.contains("id=\"" + id + "\""), topic.getLabel() + ": no heading with id " + id + " in " + href);
			}
			checked.add(topic.getLabel());
			resolveAll(topic.getSubtopics(), checked);
		}
	}

	/** The page of a help href ("/bundle/path"), read through the help system as the Help window reads it. */
	static String content(String href) {
		String html = contentOrNull(withoutAnchor(href));
		assertNotNull(html, "no help content at " + href);
		return html;
	}

	private static String contentOrNull(String href) {
		try (InputStream in = HelpSystem.getHelpContent(href)) {
			return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return null;
		}
	}

	private static String withoutAnchor(String href) {
		int hash = href.indexOf('#');
		return hash < 0 ? href : href.substring(0, hash);
	}

	/** The README's "## " headings as GitHub shows them (outside code blocks, without Markdown's backquotes). */
	static List<String> readmeSections() throws IOException {
		Path readme = Path.of(System.getProperty("carveout.readme", "../../README.md"));
		List<String> sections = new ArrayList<>();
		boolean inCode = false;
		for (String line : Files.readAllLines(readme)) {
			if (line.startsWith("```")) {
				inCode = !inCode;
			} else if (!inCode && line.startsWith("## ")) {
				sections.add(line.substring(3).strip().replace("`", ""));
			}
		}
		assertTrue(sections.size() > 10, "README sections read from " + readme.toAbsolutePath());
		return sections;
	}
}

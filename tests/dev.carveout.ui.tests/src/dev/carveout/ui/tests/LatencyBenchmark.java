package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.parser.IParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.carveout.dts.DtsLanguage;
import dev.carveout.dts.check.BoardChecker;
import dev.carveout.dts.check.CheckSettings;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.cpp.PreprocessedUnit;
import dev.carveout.dts.cpp.Preprocessor;
import dev.carveout.dts.cpp.SourceReader;
import dev.carveout.ui.CarveoutUi;
import dev.carveout.ui.prefs.CarveoutPreferences;
import dev.carveout.ui.validation.BoardIndex;
import dev.carveout.ui.validation.BoardValidationJob;

/**
 * Keystroke-to-markers latency on the largest Qualcomm SoC file of Linux 6.12 (sc7280.dtsi, 180 KB) with a board
 * that includes it (qcm6490-idp.dts), in the running workbench: one character replaced in the open editor's
 * document, as typing does, until the workspace announces the new Carveout markers. Not part of the normal suite
 * (it needs the prepared kernel corpus and takes a minute): {@code tests/ui-benchmark.sh} runs it.
 */
@EnabledIfSystemProperty(named = "carveout.benchmark", matches = "true")
class LatencyBenchmark {

	private static final int WARM_UP = 15;
	private static final int MEASURED = 50;
	private static final String BOARD = "qcm6490-idp.dts";
	private static final String SOC = "sc7280.dtsi";
	/** aop@80800000's base; its '8' typed as '7' moves it into xbl@80600000 (R8), and back. */
	private static final String EDITED = "reg = <0x0 0x80800000 0x0 0x60000>;";

	private final List<String> report = new ArrayList<>();
	private final AtomicLong lastMarkerChange = new AtomicLong();
	private final AtomicLong markerChanges = new AtomicLong();
	/** When the last Carveout check started and ended running, to split the latency into waiting and checking. */
	private final AtomicLong checkStarted = new AtomicLong();
	private final AtomicLong checkEnded = new AtomicLong();
	private final IJobChangeListener jobWatch = new JobChangeAdapter() {
		@Override
		public void running(IJobChangeEvent event) {
			if (event.getJob().belongsTo(CarveoutUi.PROBLEM_MARKER)) {
				checkStarted.set(System.nanoTime());
			}
		}

		@Override
		public void done(IJobChangeEvent event) {
			if (event.getJob().belongsTo(CarveoutUi.PROBLEM_MARKER)) {
				checkEnded.set(System.nanoTime());
			}
		}
	};
	private final IResourceChangeListener markerWatch = event -> {
		if (event.findMarkerDeltas(CarveoutUi.PROBLEM_MARKER, false).length > 0) {
			lastMarkerChange.set(System.nanoTime());
			markerChanges.incrementAndGet();
		}
	};

	@Test
	void keystrokeToMarkers() throws Exception {
		assertTrue(BoardValidationJob.TYPING_DELAY_MS == 0,
				"run with -Dcarveout.typingDelayMs=0: the benchmark times the check, not the pause after typing");
		Path kernel = Path.of(System.getProperty("carveout.corpus",
				System.getProperty("user.home") + "/.cache/carveout/corpus")).resolve("linux").toAbsolutePath();
		Path qcom = kernel.resolve("arch/arm64/boot/dts/qcom");
		assertTrue(Files.isRegularFile(qcom.resolve(SOC)), "no kernel corpus at " + kernel + ": run tests/corpus/prepare-corpus.sh");

		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("carveout-benchmark");
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		// The kernel's own files, linked in place; nothing is copied and nothing is saved back.
		IFolder folder = project.getFolder("qcom");
		folder.createLink(IPath.fromPath(qcom), IResource.NONE, null);
		var prefs = CarveoutPreferences.project(project);
		prefs.put(CarveoutPreferences.KERNEL_TREE, kernel.toString());
		prefs.flush();
		IFile board = folder.getFile(BOARD);
		IFile soc = folder.getFile(SOC);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ResourcesPlugin.getWorkspace().addResourceChangeListener(markerWatch, IResourceChangeEvent.POST_CHANGE);
		Job.getJobManager().addJobChangeListener(jobWatch);
		try {
			report.add(machine());
			report.add("");
			List<Double> opens = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				opens.add(openWithMarkers(page, board));
				page.closeAllEditors(false);
				Workbench.waitForChecks();
			}
			report.add(String.format("open %s until its markers are there: first %.0f ms (cold JVM), then median %.0f ms",
					BOARD, opens.get(0), median(opens.subList(1, opens.size()))));
			report.set(1, String.format("board %s: %d files read (%s is %d bytes)", BOARD, BoardIndex.filesOf(board).size(),
					SOC, Files.size(qcom.resolve(SOC))));

			openWithMarkers(page, board);
			BoardIndex.choose(soc, board);
			ITextEditor socEditor = (ITextEditor) IDE.openEditor(page, soc);
			Workbench.waitForChecks();
			List<Double> typing = type(socEditor);
			report.add(String.format(Locale.ROOT, "keystroke in %s to markers (%d edits after %d warm-up): median %.1f ms, p95 %.1f ms, max %.1f ms",
					SOC, typing.size(), WARM_UP, median(typing), percentile(typing, 95), Collections.max(typing)));
			report.add(String.format(Locale.ROOT, "  of which: until the check job runs median %.1f ms; the job (read text, check, markers) median %.1f ms, p95 %.1f ms",
					median(waiting), median(running), percentile(running, 95)));
			page.closeAllEditors(false);
			Workbench.waitForChecks();

			profile(board, soc, project);
		} finally {
			ResourcesPlugin.getWorkspace().removeResourceChangeListener(markerWatch);
			Job.getJobManager().removeJobChangeListener(jobWatch);
			page.closeAllEditors(false);
			Workbench.waitForChecks();
			prefs.remove(CarveoutPreferences.KERNEL_TREE);
			project.delete(false, true, null); // the link only: the kernel files stay
			write();
		}
	}

	/** Milliseconds from opening the editor to the first marker change of its check. */
	private double openWithMarkers(IWorkbenchPage page, IFile board) throws Exception {
		long changes = markerChanges.get();
		long start = System.nanoTime();
		IDE.openEditor(page, board);
		Workbench.waitUntil(() -> markerChanges.get() > changes, () -> "no markers for " + board);
		return (lastMarkerChange.get() - start) / 1e6;
	}

	private final List<Double> waiting = new ArrayList<>();
	private final List<Double> running = new ArrayList<>();

	/** One character replaced per edit, alternating, each timed until its markers are announced. */
	private List<Double> type(ITextEditor editor) throws Exception {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int at = document.get().indexOf(EDITED);
		assertTrue(at >= 0, "no " + EDITED + " in " + SOC);
		int offset = at + "reg = <0x0 0x80".length();
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < WARM_UP + MEASURED; i++) {
			String typed = i % 2 == 0 ? "7" : "8";
			long changes = markerChanges.get();
			long start = System.nanoTime();
			document.replace(offset, 1, typed);
			Workbench.waitUntil(() -> markerChanges.get() > changes && Job.getJobManager().find(CarveoutUi.PROBLEM_MARKER).length == 0,
					() -> "no markers after edit " + typed);
			if (i >= WARM_UP) {
				times.add((lastMarkerChange.get() - start) / 1e6);
				waiting.add((checkStarted.get() - start) / 1e6);
				running.add((checkEnded.get() - checkStarted.get()) / 1e6);
			}
		}
		return times;
	}

	/** Where a check's time goes: preprocessing, parsing, the rest of the check (tree, memory map, rules). */
	private void profile(IFile board, IFile soc, IProject project) throws IOException {
		CheckSettings settings = CarveoutPreferences.settingsFor(project);
		Path path = board.getLocation().toPath();
		IParser parser = DtsLanguage.injector().getInstance(IParser.class);
		BoardChecker checker = new BoardChecker(settings);
		List<Double> cpp = new ArrayList<>();
		List<Double> parse = new ArrayList<>();
		List<Double> check = new ArrayList<>();
		List<Double> edited = new ArrayList<>();
		Path socPath = soc.getLocation().toPath();
		String socText = Files.readString(socPath);
		int at = socText.indexOf(EDITED) + "reg = <0x0 0x80".length();
		for (int i = 0; i < WARM_UP + 20; i++) {
			long t0 = System.nanoTime();
			PreprocessedUnit unit = new Preprocessor(settings.includeDirs(), Preprocessor.kbuildDefines(), SourceReader.FILES)
					.run(path);
			long t1 = System.nanoTime();
			parser.parse(new StringReader(unit.text()));
			long t2 = System.nanoTime();
			checker.check(path, SourceOverlay.NONE);
			long t3 = System.nanoTime();
			// As the editor checks: the SoC file's unsaved text, one character different each time, lexed afresh.
			String typed = socText.substring(0, at) + (i % 2 == 0 ? "7" : "8") + socText.substring(at + 1);
			checker.check(path, SourceOverlay.of(Map.of(socPath.toAbsolutePath().normalize(), typed)));
			long t4 = System.nanoTime();
			if (i >= WARM_UP) {
				cpp.add((t1 - t0) / 1e6);
				parse.add((t2 - t1) / 1e6);
				check.add((t3 - t2) / 1e6);
				edited.add((t4 - t3) / 1e6);
			}
			if (i == 0) {
				report.add(String.format("preprocessed text: %d characters", unit.text().length()));
			}
		}
		report.add(String.format(Locale.ROOT,
				"engine alone (medians of 20): whole check %.1f ms = preprocess %.1f ms + parse %.1f ms + tree, map and rules %.1f ms",
				median(check), median(cpp), median(parse), median(check) - median(cpp) - median(parse)));
		report.add(String.format(Locale.ROOT, "engine with the edited %s as unsaved text (as the editor checks): median %.1f ms, p95 %.1f ms",
				SOC, median(edited), percentile(edited, 95)));
	}


	private static String machine() {
		var os = ManagementFactory.getOperatingSystemMXBean();
		String cpu = "unknown CPU";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
		} catch (IOException e) {
			// not Linux: the core count and Java version still say something
		}
		return String.format(Locale.ROOT, "%s, %d cores, load average %.1f at start, Java %s, heap max %d MiB", cpu,
				os.getAvailableProcessors(), os.getSystemLoadAverage(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20);
	}

	private static double median(List<Double> values) {
		return percentile(values, 50);
	}

	/** Nearest-rank percentile. */
	private static double percentile(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private void write() throws IOException {
		String text = String.join("\n", report) + "\n";
		System.out.println("=== Carveout latency benchmark ===\n" + text);
		String out = System.getProperty("carveout.benchmark.out");
		if (out != null) {
			Files.createDirectories(Path.of(out).getParent());
			Files.writeString(Path.of(out), text);
		}
	}

}

package dev.carveout.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.bootlog.BootLogDifference;
import dev.carveout.ui.map.MapColumn;
import dev.carveout.ui.map.MapEntry;
import dev.carveout.ui.map.MapLayout;
import dev.carveout.ui.map.MemoryMapView;

/** A kernel boot log laid over the Memory Map of the fixture board. */
class BootLogOverlayTest {

	/**
	 * What Linux 6.12 printed for the fixture board with camera@8b700000 at 0x8b000000 (a firmware build that
	 * still had the old address), as a serial console shows it: timestamps and other lines around.
	 */
	private static final String CAMERA_MOVED_LOG = """
			[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd070]
			[    0.000000] Linux version 6.12.57+deb13-arm64 (debian-kernel@lists.debian.org) (aarch64-linux-gnu-gcc-14 (Debian 14.2.0-19) 14.2.0, GNU ld (GNU Binutils for Debian) 2.44) #1 SMP Debian 6.12.57-1 (2025-11-05)
			[    0.000000] Machine model: Carveout Test Board
			[    0.000000] efi: UEFI not found.
			[    0.000000] OF: reserved mem: 0x0000000081800000..0x00000000835fffff (30720 KiB) nomap non-reusable cdsp-secure-heap@81800000
			[    0.000000] OF: reserved mem: 0x0000000084800000..0x00000000860fffff (25600 KiB) nomap non-reusable wpss@0x84800000
			[    0.000000] OF: reserved mem: 0x000000008b000000..0x000000008b4fffff (5120 KiB) nomap non-reusable camera@8b700000
			[    0.000000] OF: reserved mem: 0x000000008b900000..0x000000008bffffff (7168 KiB) nomap non-reusable video@8b900000
			[    0.000000] NUMA: No NUMA configuration found
			[    0.000000] Zone ranges:
			[    0.000000]   DMA      [mem 0x0000000080000000-0x00000000bfffffff]
			""";

	private BoardFixture fixture;
	private IWorkbenchPage page;
	private MemoryMapView view;

	@BeforeEach
	void openBoardAndView() throws Exception {
		fixture = new BoardFixture("carveout-bootlog-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		IDE.openEditor(page, fixture.board);
		view = (MemoryMapView) page.showView(MemoryMapView.ID);
		Workbench.waitUntil(() -> column(MapColumn.NAME).size() == 4, () -> "rows " + column(MapColumn.NAME));
	}

	@AfterEach
	void closeBoard() throws Exception {
		page.hideView(view);
		page.closeAllEditors(false);
		fixture.delete();
	}

	@Test
	void aPastedLogWithOneMovedRegionShowsExactlyThatDifference() throws Exception {
		pasteThroughTheViewMenu(CAMERA_MOVED_LOG);

		List<BootLogDifference> differences = view.bootLogDifferences();
		assertEquals(1, differences.size(), differences.toString());
		BootLogDifference moved = differences.get(0);
		assertEquals(BootLogDifference.Kind.MOVED, moved.kind());
		assertEquals("camera@8b700000", moved.name());
		assertEquals(new AddressRange(0x8b700000L, 0x500000L), moved.declared());
		assertEquals(new AddressRange(0x8b000000L, 0x500000L), moved.booted());

		assertEquals(List.of("", "", "moved: the kernel reserved camera@8b700000 at 0x8b000000, the source says 0x8b700000",
				""), column(MapColumn.BOOT_LOG), "the table says it on the camera's row only");
		MapLayout layout = view.layout();
		assertEquals(1, layout.bootBlocks().size(), layout.bootBlocks().toString());
		MapLayout.Block booted = layout.bootBlocks().get(0);
		MapLayout.Block declared = layout.blocks().stream().filter(b -> b.entry().name().equals("camera@8b700000"))
				.findFirst().orElseThrow();
		assertEquals(0x8b000000L, booted.range().base());
		assertTrue(booted.box().bottom() <= declared.box().y(), "drawn where the kernel put it, above the declared place");
		assertTrue(view.getContentDescription().contains("boot log pasted log: 1 difference"),
				view.getContentDescription());
		Shell shell = page.getWorkbenchWindow().getShell();
		// Xvfb has no window manager to maximize with: take the whole screen, and most of it for the view.
		shell.setBounds(shell.getDisplay().getPrimaryMonitor().getBounds());
		Workbench.giveMostOfTheHeightTo(view);
		MapEntry camera = view.entries().stream().filter(e -> e.name().equals("camera@8b700000")).findFirst().orElseThrow();
		view.tableViewer().setSelection(new StructuredSelection(camera), true);
		Table table = view.tableViewer().getTable();
		table.showColumn(table.getColumn(MapColumn.BOOT_LOG.ordinal()));
		Workbench.processEvents(1500);
		Workbench.screenshot(shell, "memory-map-boot-log.png");

		runMenuAction("Clear Boot Log");
		assertEquals(List.of(), view.bootLogDifferences());
		assertEquals(List.of("", "", "", ""), column(MapColumn.BOOT_LOG));
		assertEquals(List.of(), view.layout().bootBlocks());
	}

	@Test
	void missingResizedAndExtraRegionsAreListed() {
		String log = CAMERA_MOVED_LOG
				.replace("0x000000008b000000..0x000000008b4fffff", "0x000000008b700000..0x000000008bbfffff")
				.replace("0x0000000084800000..0x00000000860fffff (25600 KiB)", "0x0000000084800000..0x00000000857fffff (16384 KiB)")
				.replace("[    0.000000] OF: reserved mem: 0x000000008b900000..0x000000008bffffff (7168 KiB) nomap non-reusable video@8b900000\n",
						"[    0.000000] OF: reserved mem: 0x000000008c000000..0x000000008c0fffff (1024 KiB) map non-reusable ramoops@8c000000\n");

		List<BootLogDifference> differences = view.showBootLog("dmesg.txt", log);

		assertEquals(List.of("RESIZED wpss@0x84800000", "MISSING video@8b900000", "EXTRA ramoops@8c000000"),
				differences.stream().map(d -> d.kind() + " " + d.name()).toList());
		List<String> names = column(MapColumn.NAME);
		assertEquals(List.of("cdsp-secure-heap@81800000", "wpss@0x84800000", "camera@8b700000", "video@8b900000",
				"ramoops@8c000000"), names, "the extra region gets a row where the kernel put it");
		assertEquals("only in the boot log", column(MapColumn.KIND).get(4));
		assertTrue(column(MapColumn.BOOT_LOG).get(3).startsWith("not in the boot log"), column(MapColumn.BOOT_LOG).toString());
		assertTrue(column(MapColumn.BOOT_LOG).get(1).startsWith("resized"), column(MapColumn.BOOT_LOG).toString());
	}

	@Test
	void aLogWithoutReservedMemoryLinesIsRefusedWithTheReason() {
		IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> view.showBootLog("console.txt", "[    0.000000] Booting Linux on physical CPU 0x0\n"));
		assertTrue(refused.getMessage().startsWith("console.txt has no \"OF: reserved mem:"), refused.getMessage());
		assertEquals(List.of(), view.bootLogDifferences());
	}

	/** What a user does: Paste Boot Log… in the view menu, paste into the dialog, press Compare. */
	private void pasteThroughTheViewMenu(String log) {
		Display display = Display.getCurrent();
		display.timerExec(100, new Runnable() {
			@Override
			public void run() {
				// The dialog's own event loop runs this; until the dialog is up, look again a moment later.
				Shell dialog = List.of(display.getShells()).stream().filter(s -> "Paste Boot Log".equals(s.getText()))
						.findFirst().orElse(null);
				if (dialog == null) {
					display.timerExec(100, this);
					return;
				}
				find(dialog, Text.class).get(0).setText(log);
				find(dialog, Button.class).stream().filter(b -> b.getText().equals("Compare")).findFirst()
						.ifPresentOrElse(b -> b.notifyListeners(SWT.Selection, new Event()), dialog::close);
			}
		});
		runMenuAction("Paste Boot Log…");
	}

	private void runMenuAction(String text) {
		view.menuActions().stream().filter(a -> text.equals(a.getText())).findFirst()
				.orElseThrow(() -> new AssertionError("no view menu action " + text)).run();
	}

	private static <T extends Control> List<T> find(Composite parent, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite composite) {
				found.addAll(find(composite, type));
			}
		}
		return found;
	}

	private List<String> column(MapColumn column) {
		Table table = view.tableViewer().getTable();
		List<String> texts = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			texts.add(item.getText(column.ordinal()));
		}
		assertInstanceOf(Table.class, table);
		return texts;
	}
}

package dev.carveout.ui.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.MemoryBank;
import dev.carveout.memmap.MemoryMap;

/**
 * Where everything of the graphical memory map goes, in pixels: the address axis, the RAM banks behind, one
 * block per reg entry, red overlap bands, compressed gaps and the legend. Pure arithmetic, no SWT: the canvas
 * paints it and the SVG export writes it, so the picture a user exports is the one they saw.
 *
 * <p>Addresses grow downwards, as in the table. Memory that some entry covers is drawn to one scale; a gap
 * that would take more than a few lines at that scale is compressed to a fixed height and drawn as an axis
 * break, so a 2 MiB carve-out next to a 1 GiB bank stays visible.
 */
public final class MapLayout {

	/** A rectangle in layout pixels. */
	public record Box(int x, int y, int width, int height) {
		public boolean contains(int px, int py) {
			return px >= x && px < x + width && py >= y && py < y + height;
		}

		public int bottom() {
			return y + height;
		}
	}

	/**
	 * One reg entry of an entry (or the size of a dynamic one) and the label lines that fit in it.
	 *
	 * @param labelBox where the lines go: the largest part of the box no overlap hatches, if a line fits there
	 */
	public record Block(MapEntry entry, AddressRange range, Box box, Box labelBox, List<String> lines) {
	}

	public record Bank(MemoryBank bank, AddressRange range, Box box) {
	}

	/** Memory two available entries both claim, as the kernel's overlap check sees it. */
	public record Overlap(MapEntry first, MapEntry second, AddressRange shared, Box box) {
	}

	/** An address on the axis; unlabelled when it would collide with the label above it. */
	public record Tick(long address, int y, boolean labelled) {
	}

	/** A compressed stretch of addresses that no entry covers. */
	public record Break(long from, long to, Box box) {
		public long size() {
			return to - from;
		}
	}

	public record LegendItem(Swatch swatch, Box box, int textX, int textY) {
	}

	/** A line of text at a place, baseline not included: y is the top of the line. */
	public record Caption(String text, int x, int y) {
	}

	static final int MARGIN = 10;
	static final int SWATCH = 12;
	static final int MIN_MAP_WIDTH = 180;
	/** The band of RAM colour left visible right of the blocks, so banks show even where carve-outs cover them. */
	static final int BANK_BAND = 12;
	/** The least height the memory covered by entries gets, however small the view: below it nothing reads. */
	static final int MIN_SCALE_HEIGHT = 160;

	private final int width;
	private int height;
	/** Only while computing: a canvas's measure asks a GC that is gone by the time the layout is painted. */
	private final TextMeasure text;
	private final int lineHeight;
	private final List<LegendItem> legend = new ArrayList<>();
	private final List<Caption> captions = new ArrayList<>();
	private final List<Bank> banks = new ArrayList<>();
	private final List<Block> blocks = new ArrayList<>();
	private final List<Block> dynamicBlocks = new ArrayList<>();
	/** Where the kernel reserved entries that the boot log shows elsewhere: drawn beside the declared place. */
	private final List<Block> bootBlocks = new ArrayList<>();
	private final List<Overlap> overlaps = new ArrayList<>();
	private final List<Tick> ticks = new ArrayList<>();
	private final List<Break> breaks = new ArrayList<>();
	private int axisX;
	/** The pixels the memory covered by entries was scaled to. */
	private int scaleHeight;
	private Box mapBox = new Box(0, 0, 0, 0);

	private MapLayout(int width, TextMeasure text) {
		this.width = width;
		this.text = text;
		this.lineHeight = text.lineHeight();
	}

	/**
	 * @param width      the pixels available across; the map never gets narrower than the axis plus
	 *                   {@value #MIN_MAP_WIDTH}
	 * @param heightHint the pixels available down; the map is scaled to fit them unless that would make the
	 *                   covered memory shorter than {@value #MIN_SCALE_HEIGHT}
	 */
	public static MapLayout compute(MemoryMap map, List<MapEntry> entries, int width, int heightHint,
			TextMeasure text) {
		return compute(map, entries, width, heightHint, text, 1.0);
	}

	/**
	 * The layout fitted as above, then its covered memory drawn {@code zoom} times taller (the view's Zoom In and
	 * Ctrl+wheel); 1 is the fitted layout.
	 */
	public static MapLayout compute(MemoryMap map, List<MapEntry> entries, int width, int heightHint,
			TextMeasure text, double zoom) {
		MapLayout fitted = fit(map, entries, width, heightHint, text);
		return zoom <= 1 ? fitted
				: layOut(map, entries, width, heightHint, text, (int) Math.min(Integer.MAX_VALUE / 4, fitted.scaleHeight * zoom));
	}

	private static MapLayout fit(MemoryMap map, List<MapEntry> entries, int width, int heightHint, TextMeasure text) {
		// Breaks, legend and minimum heights take their share whatever the scale: shrink the scaled part by what
		// spilled over, so the whole map fits the view when it can, and scrolls when it cannot.
		MapLayout layout = layOut(map, entries, width, heightHint, text, Math.max(MIN_SCALE_HEIGHT, heightHint));
		for (int attempt = 0; attempt < 4; attempt++) {
			int overflow = layout.height() - heightHint;
			if (overflow <= 0 || layout.scaleHeight <= MIN_SCALE_HEIGHT) {
				break;
			}
			layout = layOut(map, entries, width, heightHint, text,
					Math.max(MIN_SCALE_HEIGHT, layout.scaleHeight - overflow));
		}
		return layout;
	}

	private static MapLayout layOut(MemoryMap map, List<MapEntry> entries, int width, int heightHint,
			TextMeasure text, int scaleHeight) {
		int axisWidth = text.width("0x00000000") + 16;
		MapLayout layout = new MapLayout(Math.max(width, MARGIN * 2 + axisWidth + MIN_MAP_WIDTH), text);
		layout.scaleHeight = scaleHeight;
		boolean withBootLog = entries.stream().anyMatch(e -> e.boot().differs());
		boolean withOverlay = entries.stream().anyMatch(e -> e.overlay().changed());
		int y = layout.layOutLegend(MARGIN, withBootLog, withOverlay);
		y = layout.layOutBankCaptions(map, y);
		layout.axisX = MARGIN + axisWidth;
		int mapWidth = layout.width - MARGIN - layout.axisX;
		List<Block> placed = placedBlocks(entries);
		List<Block> booted = bootedBlocks(entries);
		List<Bank> bankRanges = bankRanges(map);
		int mapTop = y + text.lineHeight() / 2;
		List<Block> onAxis = new ArrayList<>(placed);
		onAxis.addAll(booted);
		Map<Long, Integer> yOf = layout.layOutAxis(onAxis, bankRanges, mapTop, scaleHeight);
		int mapBottom = yOf.isEmpty() ? mapTop : yOf.values().stream().max(Integer::compare).get();
		layout.mapBox = new Box(layout.axisX, mapTop, mapWidth, mapBottom - mapTop);
		for (Bank bank : bankRanges) {
			int top = yOf.get(bank.range().base());
			int bottom = yOf.get(bank.range().end());
			layout.banks.add(new Bank(bank.bank(), bank.range(), new Box(layout.axisX, top, mapWidth, bottom - top)));
		}
		layout.layOutBlocks(placed, yOf, mapWidth - (bankRanges.isEmpty() ? 0 : BANK_BAND));
		layout.findOverlaps();
		layout.placeLabels();
		layout.layOutBooted(booted, yOf, mapWidth - (bankRanges.isEmpty() ? 0 : BANK_BAND));
		layout.layOutDynamic(entries, mapBottom + MARGIN * 2);
		return layout;
	}

	private int layOutLegend(int top, boolean withBootLog, boolean withOverlay) {
		int x = MARGIN;
		int y = top;
		int line = Math.max(SWATCH, text.lineHeight()) + 4;
		for (Swatch swatch : Swatch.values()) {
			if (swatch == Swatch.BOOTED && !withBootLog || swatch == Swatch.OVERLAY && !withOverlay) {
				continue;
			}
			int itemWidth = SWATCH + 6 + text.width(swatch.label()) + 16;
			if (x > MARGIN && x + itemWidth > width - MARGIN) {
				x = MARGIN;
				y += line;
			}
			Box box = new Box(x, y + (line - SWATCH) / 2 - 2, SWATCH, SWATCH);
			legend.add(new LegendItem(swatch, box, x + SWATCH + 6, y + (line - text.lineHeight()) / 2 - 2));
			x += itemWidth;
		}
		return y + line + 4;
	}

	private int layOutBankCaptions(MemoryMap map, int top) {
		int y = top;
		for (Bank bank : bankRanges(map)) {
			AddressRange range = bank.range();
			captions.add(new Caption(String.format("RAM %s  %s..%s  (%s)", bank.bank().path(), Sizes.hex(range.base()),
					Sizes.hex(range.end() - 1), Sizes.size(range.size())), MARGIN, y));
			y += text.lineHeight();
		}
		return y + 4;
	}

	private static List<Bank> bankRanges(MemoryMap map) {
		List<Bank> ranges = new ArrayList<>();
		for (MemoryBank bank : map.memory()) {
			for (AddressRange range : bank.reg()) {
				if (!range.isEmpty()) {
					ranges.add(new Bank(bank, range, null));
				}
			}
		}
		return ranges;
	}

	/** One block per reg entry and one per predicted place of a dynamic entry, boxes still to be placed, sorted by base. */
	private static List<Block> placedBlocks(List<MapEntry> entries) {
		List<Block> placed = new ArrayList<>();
		for (MapEntry entry : entries) {
			List<AddressRange> ranges = entry.dynamic() && entry.predicted() != null ? List.of(entry.predicted())
					: entry.ranges();
			for (AddressRange range : ranges) {
				if (!range.isEmpty()) {
					placed.add(new Block(entry, range, null, null, List.of()));
				}
			}
		}
		placed.sort((a, b) -> Long.compareUnsigned(a.range().base(), b.range().base()));
		return placed;
	}

	/** The places a boot log says entries were reserved at instead of their declared ones. */
	private static List<Block> bootedBlocks(List<MapEntry> entries) {
		List<Block> booted = new ArrayList<>();
		for (MapEntry entry : entries) {
			AddressRange range = entry.boot().booted();
			if (range != null && !range.isEmpty()) {
				booted.add(new Block(entry, range, null, null, List.of()));
			}
		}
		return booted;
	}

	/** The right half of the map, so the declared block (left, or full width) stays visible under it. */
	private void layOutBooted(List<Block> booted, Map<Long, Integer> yOf, int blockWidth) {
		int left = axisX + blockWidth / 2;
		for (Block block : booted) {
			int top = yOf.get(block.range().base());
			int bottom = yOf.get(block.range().end());
			Box box = new Box(left, top, blockWidth - blockWidth / 2, bottom - top);
			bootBlocks.add(new Block(block.entry(), block.range(), box, box,
					labelLines("booted: " + block.entry().name(), Sizes.size(block.range().size()), box)));
		}
	}

	/**
	 * Gives every address where something starts or ends its y: covered stretches to one scale (at least a line
	 * high), short gaps to the same scale, long gaps compressed into a break.
	 */
	private Map<Long, Integer> layOutAxis(List<Block> placed, List<Bank> bankRanges, int top, int scaleHeight) {
		TreeSet<Long> bounds = new TreeSet<>(Long::compareUnsigned);
		for (Block block : placed) {
			bounds.add(block.range().base());
			bounds.add(block.range().end());
		}
		for (Bank bank : bankRanges) {
			bounds.add(bank.range().base());
			bounds.add(bank.range().end());
		}
		Map<Long, Integer> yOf = new TreeMap<>(Long::compareUnsigned);
		if (bounds.isEmpty()) {
			return yOf;
		}
		List<Long> points = new ArrayList<>(bounds);
		double covered = 0;
		for (int i = 0; i + 1 < points.size(); i++) {
			if (isCovered(placed, points.get(i), points.get(i + 1))) {
				covered += unsigned(points.get(i + 1) - points.get(i));
			}
		}
		double pixelsPerByte = covered == 0 ? 0 : scaleHeight / covered;
		int minCovered = text.lineHeight() + 4;
		int maxGap = text.lineHeight() * 3;
		int breakHeight = text.lineHeight() * 2;
		int y = top;
		yOf.put(points.get(0), y);
		int lastLabel = top - 10 * text.lineHeight();
		for (int i = 0; i < points.size(); i++) {
			long from = points.get(i);
			if (y - lastLabel >= text.lineHeight()) {
				ticks.add(new Tick(from, y, true));
				lastLabel = y;
			} else {
				ticks.add(new Tick(from, y, false));
			}
			if (i + 1 == points.size()) {
				break;
			}
			long to = points.get(i + 1);
			double scaled = unsigned(to - from) * pixelsPerByte;
			int h;
			if (isCovered(placed, from, to)) {
				h = Math.max(minCovered, (int) Math.round(scaled));
			} else if (scaled > maxGap || pixelsPerByte == 0) {
				h = breakHeight;
				breaks.add(new Break(from, to, new Box(MARGIN, y, width - 2 * MARGIN, h)));
			} else {
				h = Math.max(4, (int) Math.round(scaled));
			}
			y += h;
			yOf.put(to, y);
		}
		return yOf;
	}

	private static boolean isCovered(List<Block> placed, long from, long to) {
		AddressRange stretch = new AddressRange(from, to - from);
		return placed.stream().anyMatch(b -> b.range().overlaps(stretch));
	}

	private static double unsigned(long value) {
		return value >= 0 ? value : value + 0x1p64;
	}

	/**
	 * Blocks that overlap share the width side by side (lanes), so both stay readable; a block that overlaps
	 * nothing gets the whole width.
	 */
	private void layOutBlocks(List<Block> placed, Map<Long, Integer> yOf, int blockWidth) {
		int i = 0;
		while (i < placed.size()) {
			int clusterEnd = i + 1;
			long end = placed.get(i).range().end();
			while (clusterEnd < placed.size() && Long.compareUnsigned(placed.get(clusterEnd).range().base(), end) < 0) {
				long next = placed.get(clusterEnd).range().end();
				if (Long.compareUnsigned(next, end) > 0) {
					end = next;
				}
				clusterEnd++;
			}
			List<Block> cluster = placed.subList(i, clusterEnd);
			int[] lanes = assignLanes(cluster);
			int laneCount = Arrays.stream(lanes).max().orElse(0) + 1;
			int laneWidth = blockWidth / laneCount;
			for (int k = 0; k < cluster.size(); k++) {
				Block block = cluster.get(k);
				int top = yOf.get(block.range().base());
				int bottom = yOf.get(block.range().end());
				Box box = new Box(axisX + lanes[k] * laneWidth, top, laneWidth - (laneCount > 1 ? 2 : 0), bottom - top);
				blocks.add(new Block(block.entry(), block.range(), box, box, List.of()));
			}
			i = clusterEnd;
		}
	}

	private static int[] assignLanes(List<Block> cluster) {
		int[] lanes = new int[cluster.size()];
		List<Long> laneEnds = new ArrayList<>();
		for (int k = 0; k < cluster.size(); k++) {
			AddressRange range = cluster.get(k).range();
			int lane = 0;
			while (lane < laneEnds.size() && Long.compareUnsigned(laneEnds.get(lane), range.base()) > 0) {
				lane++;
			}
			if (lane == laneEnds.size()) {
				laneEnds.add(range.end());
			} else {
				laneEnds.set(lane, range.end());
			}
			lanes[k] = lane;
		}
		return lanes;
	}

	/** Labels go where no overlap hatches them, when a line fits there; else over the hatching. */
	private void placeLabels() {
		for (int i = 0; i < blocks.size(); i++) {
			Block block = blocks.get(i);
			Box labelBox = block.box();
			for (Overlap overlap : overlaps) {
				if (overlap.first().equals(block.entry()) || overlap.second().equals(block.entry())) {
					labelBox = largestPartOutside(labelBox, overlap.box());
				}
			}
			if (labelBox.height() < text.lineHeight()) {
				labelBox = block.box();
			}
			String size = Sizes.size(block.range().size());
			if (block.entry().dynamic()) {
				size += ", placed by the kernel at boot (" + MapEntry.PLACEMENT_RULE + ")";
			}
			blocks.set(i, new Block(block.entry(), block.range(), block.box(), labelBox,
					labelLines(block.entry().name(), size, labelBox)));
		}
	}

	/** The taller of the parts of {@code box} above and below {@code cut}. */
	private static Box largestPartOutside(Box box, Box cut) {
		if (cut.bottom() <= box.y() || cut.y() >= box.bottom()) {
			return box;
		}
		int above = Math.max(0, cut.y() - box.y());
		int below = Math.max(0, box.bottom() - cut.bottom());
		return above >= below ? new Box(box.x(), box.y(), box.width(), above)
				: new Box(box.x(), cut.bottom(), box.width(), below);
	}

	/** Name and size on two lines when there is room, on one when there is less, else as much name as fits. */
	private List<String> labelLines(String name, String size, Box box) {
		int room = box.width() - 8;
		int lines = (box.height() - 2) / text.lineHeight();
		// The first line is drawn bold, a tenth wider than measured in the regular font.
		if (lines >= 2 && text.width(name) * 11 / 10 <= room) {
			return List.of(name, size);
		}
		String oneLine = name + "  " + size;
		if (lines >= 1 && text.width(oneLine) * 11 / 10 <= room) {
			return List.of(oneLine);
		}
		String shortened = lines >= 1 ? fit(name, room) : "";
		return shortened.isEmpty() ? List.of() : List.of(shortened);
	}

	private String fit(String label, int room) {
		if (text.width(label) <= room) {
			return label;
		}
		for (int n = label.length() - 1; n > 0; n--) {
			String shortened = label.substring(0, n) + "…";
			if (text.width(shortened) <= room) {
				return shortened;
			}
		}
		return "";
	}

	/** The kernel checks only available regions for overlaps (and warns for each pair), so do we. */
	private void findOverlaps() {
		for (int i = 0; i < blocks.size(); i++) {
			Block a = blocks.get(i);
			for (int j = i + 1; j < blocks.size(); j++) {
				Block b = blocks.get(j);
				if (!a.entry().available() || !b.entry().available() || !a.range().overlaps(b.range())) {
					continue;
				}
				long base = Long.compareUnsigned(a.range().base(), b.range().base()) > 0 ? a.range().base()
						: b.range().base();
				long end = Long.compareUnsigned(a.range().end(), b.range().end()) < 0 ? a.range().end()
						: b.range().end();
				int top = Math.max(a.box().y(), b.box().y());
				int bottom = Math.min(a.box().bottom(), b.box().bottom());
				int left = Math.min(a.box().x(), b.box().x());
				int right = Math.max(a.box().x() + a.box().width(), b.box().x() + b.box().width());
				overlaps.add(new Overlap(a.entry(), b.entry(), new AddressRange(base, end - base),
						new Box(left, top, right - left, bottom - top)));
			}
		}
	}

	/**
	 * Regions with only a size whose place the engine cannot predict (no RAM known, or they do not fit: R9)
	 * are listed under the map, one line each; the predicted ones are drawn on the map like the others.
	 */
	private void layOutDynamic(List<MapEntry> entries, int top) {
		int y = top;
		List<MapEntry> dynamic = entries.stream().filter(e -> e.dynamic() && e.predicted() == null).toList();
		if (!dynamic.isEmpty()) {
			captions.add(new Caption("Placed at boot, place not predicted (size, no fixed address):", MARGIN, y));
			y += text.lineHeight() + 4;
			int rowHeight = text.lineHeight() + 8;
			for (MapEntry entry : dynamic) {
				Box box = new Box(axisX, y, width - MARGIN - axisX, rowHeight);
				String size = entry.size() == null ? "no size" : Sizes.size(entry.size());
				dynamicBlocks.add(new Block(entry, null, box, box, List.of(fit(entry.name() + "  " + size, box.width() - 8))));
				y += rowHeight + 4;
			}
		}
		height = y + MARGIN;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** The height of a line of text, which the layout spaced everything by. */
	public int lineHeight() {
		return lineHeight;
	}

	/** The right edge of the address labels, where ticks point at the map. */
	public int axisX() {
		return axisX;
	}

	public Box mapBox() {
		return mapBox;
	}

	public List<LegendItem> legend() {
		return legend;
	}

	public List<Caption> captions() {
		return captions;
	}

	public List<Bank> banks() {
		return banks;
	}

	public List<Block> blocks() {
		return blocks;
	}

	public List<Block> dynamicBlocks() {
		return dynamicBlocks;
	}

	public List<Block> bootBlocks() {
		return bootBlocks;
	}

	public List<Overlap> overlaps() {
		return overlaps;
	}

	public List<Tick> ticks() {
		return ticks;
	}

	public List<Break> breaks() {
		return breaks;
	}

	/** The entry drawn at a point, the dynamic list included; null over empty space. */
	public MapEntry entryAt(int x, int y) {
		for (List<Block> list : List.of(dynamicBlocks, bootBlocks, blocks)) {
			for (int i = list.size() - 1; i >= 0; i--) {
				if (list.get(i).box().contains(x, y)) {
					return list.get(i).entry();
				}
			}
		}
		return null;
	}

	public boolean isOverlapping(MapEntry entry) {
		return overlaps.stream().anyMatch(o -> o.first().equals(entry) || o.second().equals(entry));
	}
}

package dev.carveout.dts.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import dev.carveout.dts.check.CheckResult;
import dev.carveout.dts.check.SourceOverlay;
import dev.carveout.dts.dts.DtsPackage;
import dev.carveout.dts.dts.Node;
import dev.carveout.dts.dts.Property;
import dev.carveout.memmap.AddressRange;
import dev.carveout.memmap.KernelProfile;
import dev.carveout.memmap.MemoryMap;
import dev.carveout.memmap.Region;
import dev.carveout.memmap.SourceRef;

/**
 * Candidate fixes for one region, by rule. Each edits only the values it must, in the file that last defined
 * them, keeping the number base of every cell it rewrites; a value written with a macro or an expression gets
 * no fix. QuickFixes keeps the candidates that make the board better.
 */
final class RegionFixes {

	private static final long MIB = 1L << 20;
	private static final long PAGE = 4096;

	private final Region region;
	private final MemoryMap map;
	private final SourceOverlay overlay;
	private final KernelProfile profile;
	/** Each file is read and parsed once however many candidates (and findings) touch it. */
	private final Map<Path, SourceFile> sources;
	/** Why a candidate could not be written, the first time it happens: shown when no fix is left. */
	private String whyNone;

	RegionFixes(Region region, CheckResult result, SourceOverlay overlay, KernelProfile profile, Map<Path, SourceFile> sources) {
		this.sources = sources;
		this.region = region;
		this.map = result.memoryMap();
		this.overlay = overlay;
		this.profile = profile;
	}

	Candidates forRule(String ruleId) throws IOException {
		return new Candidates(candidates(ruleId), whyNone);
	}

	private List<Fix> candidates(String ruleId) throws IOException {
		return switch (ruleId) {
			case "R4" -> optional(split());
			case "R6" -> List.of(dropProperty("no-map"), dropProperty("reusable")).stream().filter(f -> f != null).toList();
			case "R7" -> align(profile.cmaMinAlignment(), ruleId);
			case "R8" -> overlapFixes();
			case "R12" -> optional(rename(region, firstBase(region), "R12", "Rename to " + baseName(region) + "@" + Long.toHexString(firstBase(region))));
			case "R13" -> align(MIB, ruleId);
			default -> List.of();
		};
	}

	// R6: drop one of two contradicting flags.
	private Fix dropProperty(String property) throws IOException {
		SourceRef at = region.provenance().get(property);
		if (at == null || !at.isKnown()) {
			return null;
		}
		SourceFile file = source(at.file());
		return new Fix("Remove " + property + " from " + region.name(), "R6", List.of(file.deleteLines(at.offset(), at.length())));
	}

	// R7, R13: round the base down or up and the size up to the alignment.
	private List<Fix> align(long alignment, String ruleId) throws IOException {
		if (region.reg() == null || region.reg().size() != 1) {
			return List.of();
		}
		AddressRange range = region.reg().get(0);
		List<Fix> fixes = new ArrayList<>();
		long down = alignDown(range.base(), alignment);
		long upSize = alignUp(range.end(), alignment) - down;
		fixes.add(reg(down, upSize, ruleId, String.format("Align %s to %s: base %s, size %s (covers the old range)",
				region.name(), mib(alignment), hex(down), hex(upSize))));
		long up = alignUp(range.base(), alignment);
		long size = alignUp(range.size(), alignment);
		if (up != down) {
			fixes.add(reg(up, size, ruleId, String.format("Align %s to %s: base %s, size %s (starts higher)",
					region.name(), mib(alignment), hex(up), hex(size))));
		}
		return fixes.stream().filter(f -> f != null).toList();
	}

	// R8: move after the other, shift this and all following up, or shrink to end where the next begins.
	private List<Fix> overlapFixes() throws IOException {
		if (region.reg() == null || region.reg().size() != 1) {
			return List.of();
		}
		AddressRange mine = region.reg().get(0);
		List<Fix> fixes = new ArrayList<>();
		for (Region other : others()) {
			for (AddressRange theirs : other.reg()) {
				if (!mine.overlaps(theirs)) {
					continue;
				}
				long alignment = alignmentOf(region);
				long free = firstFreeSlot(alignUp(theirs.end(), alignment), mine.size(), alignment);
				fixes.add(reg(free, mine.size(), "R8", String.format("Move %s after %s, to %s", region.name(), other.name(), hex(free))));
				if (Long.compareUnsigned(mine.base(), theirs.base()) >= 0) {
					fixes.add(shiftFollowing(theirs.end() - mine.base(), other));
				}
				if (Long.compareUnsigned(mine.base(), theirs.base()) < 0) {
					long size = theirs.base() - mine.base();
					fixes.add(reg(mine.base(), size, "R8", String.format("Shrink %s to %s, to end where %s begins", region.name(), hex(size), other.name())));
				}
			}
		}
		return fixes.stream().filter(f -> f != null).toList();
	}

	/** The guide's "shift all other subsequent regions": this region and every later one move up together. */
	private Fix shiftFollowing(long overlap, Region other) throws IOException {
		List<Region> following = new ArrayList<>(others().stream()
				.filter(r -> r != other && Long.compareUnsigned(r.reg().get(0).base(), region.reg().get(0).base()) >= 0).toList());
		following.add(region);
		long alignment = following.stream().mapToLong(this::alignmentOf).max().orElse(PAGE);
		long shift = alignUp(overlap, alignment);
		List<TextEdit> edits = new ArrayList<>();
		for (Region r : following) {
			if (r.reg().size() != 1) {
				return null;
			}
			Fix moved = regOf(r, r.reg().get(0).base() + shift, r.reg().get(0).size(), "R8", "");
			if (moved == null) {
				return null;
			}
			edits.addAll(moved.edits());
		}
		return new Fix(String.format("Shift %s and the %d region(s) after it up by %s", region.name(), following.size() - 1, hex(shift)), "R8", edits);
	}

	private List<Region> others() {
		return map.regions().stream().filter(r -> r != region && r.available() && r.reg() != null && !r.reg().isEmpty())
				.sorted(Comparator.comparing(r -> r.reg().get(0).base(), Long::compareUnsigned)).toList();
	}

	private long firstFreeSlot(long candidate, long size, long alignment) {
		boolean moved = true;
		for (int guard = 0; moved && guard < 1000; guard++) {
			moved = false;
			AddressRange wanted = new AddressRange(candidate, size);
			for (Region r : others()) {
				for (AddressRange taken : r.reg()) {
					if (wanted.overlaps(taken)) {
						candidate = alignUp(taken.end(), alignment);
						moved = true;
					}
				}
			}
		}
		return candidate;
	}

	private Fix reg(long base, long size, String ruleId, String label) throws IOException {
		return regOf(region, base, size, ruleId, label);
	}

	/** Rewrites the first reg entry of {@code r}, and its unit address when that named the old base. */
	private Fix regOf(Region r, long base, long size, String ruleId, String label) throws IOException {
		SourceRef at = r.definedAt("reg");
		if (!at.isKnown()) {
			return null;
		}
		SourceFile file = source(at.file());
		Property property = file.elementAt(at.offset(), Property.class);
		CellNumbers cells = property == null ? null : CellNumbers.of(property);
		int ac = map == null ? 2 : map.rootAddressCells();
		int sc = map == null ? 2 : map.rootSizeCells();
		if (cells == null || cells.size() < ac + sc) {
			// Rewriting a macro would change its other uses; an expression has no one number to rewrite.
			blocked("reg", r, at, property);
			return null;
		}
		List<TextEdit> edits = new ArrayList<>(cells.write(file, 0, ac, base));
		edits.addAll(cells.write(file, ac, sc, size));
		String unit = r.unitAddress();
		if (unit != null && unit.replaceFirst("^0[xX]", "").replaceFirst("^0+(?=.)", "").equalsIgnoreCase(Long.toHexString(firstBase(r)))
				&& base != firstBase(r)) {
			Fix rename = rename(r, base, ruleId, "");
			if (rename != null) {
				edits.addAll(rename.edits());
			}
		}
		return new Fix(label, ruleId, edits);
	}

	/** Renames the node's unit address to {@code base} where the node was first defined. */
	private Fix rename(Region r, long base, String ruleId, String label) throws IOException {
		SourceRef at = r.definedAt("");
		if (!at.isKnown()) {
			return null;
		}
		SourceFile file = source(at.file());
		Node node = file.elementAt(at.offset(), Node.class);
		if (node == null) {
			return null;
		}
		List<INode> names = NodeModelUtils.findNodesForFeature(node, DtsPackage.Literals.NODE__NAME);
		if (names.isEmpty() || !NodeModelUtils.getTokenText(names.get(0)).equals(r.name())) {
			blocked("the node name", r, at, null);
			return null;
		}
		INode name = names.get(0);
		return new Fix(label, ruleId, List.of(new TextEdit(file.path, name.getOffset(), name.getLength(),
				baseName(r) + "@" + Long.toHexString(base))));
	}

	private void blocked(String what, Region r, SourceRef at, Property property) {
		if (whyNone == null) {
			String how = property == null ? "comes from a macro" : CellNumbers.whyNot(property);
			whyNone = String.format("no quick fix: %s of %s %s (%s:%d); a fix rewrites only plain numbers, so change it by hand",
					what, r.name(), how, at.file().getFileName(), at.line());
		}
	}

	// R4: one node per reg entry, named after its base; the labels stay on the first, which keeps the old node.
	private Fix split() throws IOException {
		SourceRef nodeAt = region.definedAt("");
		SourceRef regAt = region.definedAt("reg");
		if (!nodeAt.isKnown() || !regAt.isKnown() || !nodeAt.file().equals(regAt.file())) {
			return null; // reg is overridden in another file than the node: the copies would not carry it
		}
		SourceFile file = source(nodeAt.file());
		Node node = file.elementAt(nodeAt.offset(), Node.class);
		Property reg = file.elementAt(regAt.offset(), Property.class);
		CellNumbers cells = reg == null ? null : CellNumbers.of(reg);
		// As the kernel reads a carve-out's reg: with the root's cells (R1 reports a /reserved-memory that differs).
		int entry = map.rootAddressCells() + map.rootSizeCells();
		if (cells == null) {
			blocked("reg", region, regAt, reg);
			return null;
		}
		List<INode> names = node == null ? List.of() : NodeModelUtils.findNodesForFeature(node, DtsPackage.Literals.NODE__NAME);
		if (names.isEmpty() || cells.size() != entry * region.reg().size() || reg.eContainer() != node) {
			return null; // a name from a macro, a reg of odd length (R2), or a reg outside the node's own body
		}
		ICompositeNode whole = SourceFile.node(node);
		int start = whole.getOffset();
		String text = file.text.substring(start, whole.getEndOffset());
		int firstCell = cells.start(0) - start;
		int lastCell = cells.end(cells.size() - 1) - start;
		INode name = names.get(0);
		List<TextEdit> edits = new ArrayList<>();
		StringBuilder copies = new StringBuilder();
		String indent = file.indentationAt(start);
		for (int i = 1; i < region.reg().size(); i++) {
			StringBuilder copy = new StringBuilder(text);
			copy.replace(firstCell, lastCell, cells.texts(i * entry, entry));
			copy.replace(name.getOffset() - start, name.getEndOffset() - start, baseName(region) + "@" + Long.toHexString(region.reg().get(i).base()));
			String withoutLabels = copy.substring(name.getOffset() - start);
			copies.append(file.lineSeparator()).append(indent).append(withoutLabels);
		}
		edits.add(new TextEdit(file.path, whole.getEndOffset(), 0, copies.toString()));
		edits.add(new TextEdit(file.path, cells.end(entry - 1), cells.end(cells.size() - 1) - cells.end(entry - 1), ""));
		String firstName = baseName(region) + "@" + Long.toHexString(region.reg().get(0).base());
		if (!firstName.equals(region.name())) {
			edits.add(new TextEdit(file.path, name.getOffset(), name.getLength(), firstName));
		}
		return new Fix(String.format("Split %s into %d nodes, one per reg entry", region.name(), region.reg().size()), "R4", edits);
	}

	private SourceFile source(Path file) throws IOException {
		SourceFile source = sources.get(file);
		if (source == null) {
			source = SourceFile.read(file, overlay);
			sources.put(file, source);
		}
		return source;
	}

	private static List<Fix> optional(Fix fix) {
		return fix == null ? List.of() : List.of(fix);
	}

	private long alignmentOf(Region r) {
		if (r.isCma()) {
			return profile.cmaMinAlignment();
		}
		return r.reg() != null && !r.reg().isEmpty() && r.reg().get(0).base() % MIB == 0 ? MIB : PAGE;
	}

	private static long firstBase(Region r) {
		return r.reg() == null || r.reg().isEmpty() ? 0 : r.reg().get(0).base();
	}

	private static String baseName(Region r) {
		int at = r.name().indexOf('@');
		return at < 0 ? r.name() : r.name().substring(0, at);
	}

	static long alignDown(long value, long alignment) {
		return value & -alignment;
	}

	static long alignUp(long value, long alignment) {
		return (value + alignment - 1) & -alignment;
	}

	private static String hex(long value) {
		return AddressRange.hex(value);
	}

	private static String mib(long bytes) {
		return bytes % MIB == 0 ? (bytes / MIB) + " MiB" : hex(bytes);
	}
}

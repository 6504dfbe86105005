package dev.carveout.dts.corpus.dtcerr;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Every kind of input that stops dtc 1.6.1 (its parser's and lexer's errors, the ERROR-level checks of checks.c,
 * its FATAL ERRORs), each with variants that dtc rejects and near misses that it accepts. A variant appends to a base
 * board, so a corpus board's own labels and nodes take part. Whether a variant is an error is never written here:
 * the machine's dtc says so.
 */
enum FaultKind {

	DUPLICATE_NODE_NAME(
			v("twice in a new node", (r, b) -> new Snippet("twice in a new node").line("/ {").line("\t" + Names.NODE + " {")
					.line("\t\tchild {};").fault("\t\tchild { x = <" + r.nextInt(9) + ">; };").line("\t};").line("};")),
			v("twice under a label", (r, b) -> {
				String unit = hex(r);
				return new Snippet("twice under a label").line(ref(b, r) + " {").line("\t" + Names.NODE + " {")
						.line("\t\tc@" + unit + " {};").line("\t\tc@" + unit + " {};").line("\t};").line("};");
			}),
			v("twice where dtc merges", (r, b) -> new Snippet("twice where dtc merges").line("/ {")
					.line("\t" + Names.NODE + " { a = <1>; };").line("\t" + Names.NODE + " { b = <2>; };").line("};")),
			v("twice in a label's body", (r, b) -> new Snippet("twice in a label's body").line(ref(b, r) + " {")
					.line("\t" + Names.NODE + " {};").line("\t" + Names.NODE + " { x; };").line("};")),
			v("deleted in the same new body", (r, b) -> new Snippet("deleted in the same new body").line("/ {")
					.line("\t" + Names.NODE + " {").line("\t\tchild {};").fault("\t\t/delete-node/ child;").line("\t};")
					.line("};")),
			v("deleted before it is defined", (r, b) -> new Snippet("deleted before it is defined").line("/ {")
					.line("\t" + Names.NODE + " {").line("\t\t/delete-node/ child;").line("\t\tchild {};").line("\t};")
					.line("};")),
			v("unit addresses differ", (r, b) -> new Snippet("unit addresses differ").line("/ {").line("\t" + Names.NODE + " {")
					.line("\t\tc@1 {};").line("\t\tc@2 {};").line("\t};").line("};"))),

	DUPLICATE_PROPERTY_NAME(
			v("twice in a new node", (r, b) -> new Snippet("twice in a new node").line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\tdtcerr-p = <1>;").line("\t\tother = \"x\";").line("\t\tdtcerr-p = <2>;").line("\t};")
					.line("};")),
			v("empty, twice in a new node", (r, b) -> new Snippet("empty, twice in a new node").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tdtcerr-flag;").line("\t\tdtcerr-flag;").line("\t};").line("};")),
			v("twice where dtc merges", (r, b) -> new Snippet("twice where dtc merges").line("/ {")
					.line("\tdtcerr-p = <1>;").line("\tdtcerr-p = <2>;").line("};")),
			v("twice under a label", (r, b) -> new Snippet("twice under a label").line(ref(b, r) + " {")
					.line("\tdtcerr-p = \"a\";").line("\tdtcerr-p = \"b\";").line("};")),
			v("deleted, then again in a new node", (r, b) -> new Snippet("deleted, then again in a new node")
					.line("/ {").line("\t" + Names.NODE + " {").line("\t\tdtcerr-p = <1>;").line("\t\t/delete-property/ dtcerr-p;")
					.line("\t};").line("};"))),

	DUPLICATE_LABEL(
			v("a corpus label on a new node", (r, b) -> new Snippet("an existing label on a new node").line("/ {")
					.fault("\t" + b.label(r.nextInt()) + ": " + Names.NODE + " {};").line("};")),
			v("a label on a property of another node", (r, b) -> new Snippet("an existing label on a property")
					.line("/ {").fault("\t" + Names.NODE + " {").line("\t\t" + b.label(r.nextInt()) + ": dtcerr-p = <1>;")
					.line("\t};").line("};")),
			v("a label inside a value", (r, b) -> new Snippet("an existing label inside a value").line("/ {")
					.fault("\t" + Names.NODE + " {").line("\t\tdtcerr-p = <1 " + b.label(r.nextInt()) + ": 2>;").line("\t};")
					.line("};")),
			v("one new label on two new nodes", (r, b) -> new Snippet("one new label on two new nodes").line("/ {")
					.line("\tdtcerr_l: " + Names.NODE + " {};").fault("\tdtcerr_l: dtcerr-other {};").line("};")),
			v("the same label again on the same node", (r, b) -> new Snippet("the same label again on the same node")
					.line("/ {").line("\tdtcerr_l: " + Names.NODE + " {};").line("};").line("/ {")
					.line("\tdtcerr_l: " + Names.NODE + " { x; };").line("};")),
			v("two labels on one node", (r, b) -> new Snippet("two labels on one node").line("/ {")
					.line("\tdtcerr_l: dtcerr_m: " + Names.NODE + " {};").line("};"))),

	PROPERTY_AFTER_SUBNODE(
			v("in a new node", (r, b) -> new Snippet("in a new node").line("/ {").line("\t" + Names.NODE + " {")
					.line("\t\tchild {};").fault("\t\tdtcerr-p = <1>;").line("\t};").line("};")),
			v("in the root", (r, b) -> new Snippet("in the root").line("/ {").line("\t" + Names.NODE + " {};")
					.fault("\tdtcerr-p = <1>;").line("};")),
			v("after /delete-node/", (r, b) -> new Snippet("after /delete-node/").line(ref(b, r) + " {")
					.line("\t/delete-node/ dtcerr-none;").fault("\tdtcerr-p;").line("};")),
			v("/delete-property/ after a subnode", (r, b) -> new Snippet("/delete-property/ after a subnode")
					.line(ref(b, r) + " {").line("\t" + Names.NODE + " {};").fault("\t/delete-property/ dtcerr-p;").line("};")),
			v("labelled property after a subnode", (r, b) -> new Snippet("labelled property after a subnode")
					.line("/ {").line("\t" + Names.NODE + " {};").fault("\tdtcerr_l: dtcerr-p = \"x\";").line("};")),
			v("properties first", (r, b) -> new Snippet("properties first").line("/ {").line("\t" + Names.NODE + " {")
					.line("\t\tdtcerr-p = <1>;").line("\t\t/delete-property/ dtcerr-q;").line("\t\tchild {};")
					.line("\t\t/delete-node/ other;").line("\t};").line("};")),
			v("a later body adds the property", (r, b) -> new Snippet("a later body adds the property").line("/ {")
					.line("\t" + Names.NODE + " { child {}; };").line("};").line("/ {").line("\t" + Names.NODE + " { dtcerr-p; };")
					.line("};"))),

	EXPRESSION(
			v("division by zero", (r, b) -> cell("division by zero", "(" + (1 + r.nextInt(99)) + " / 0)")),
			v("modulo by zero", (r, b) -> cell("modulo by zero", "(" + (1 + r.nextInt(99)) + " % (3 - 3))")),
			v("division by zero in the branch not taken", (r, b) -> cell("division by zero in the branch not taken",
					"(1 ? 2 : (" + r.nextInt(9) + " / 0))")),
			v("division by zero behind &&", (r, b) -> cell("division by zero behind &&", "(0 && (5 / 0))")),
			v("division by zero behind ||", (r, b) -> cell("division by zero behind ||", "(1 || (5 % 0))")),
			v("division by one", (r, b) -> cell("division by one", "(" + r.nextInt(99) + " / 1)")),
			v("64-bit wrap", (r, b) -> cell64("64-bit wrap", "(0xffffffffffffffff + " + (1 + r.nextInt(9)) + ")")),
			v("shift and compare", (r, b) -> cell("shift and compare", "((1 << 4) >= 16)"))),

	LITERAL(
			v("octal with 9", (r, b) -> cell("octal with 9", "0" + (8 + r.nextInt(2)))),
			v("octal with 8 later", (r, b) -> cell("octal with 8 later", "01" + (8 + r.nextInt(2)))),
			v("octal", (r, b) -> cell("octal", "017")),
			v("suffixes dtc takes", (r, b) -> cell("suffixes dtc takes", "5U 6L 7UL 8LL 9ULL 0x10UL")),
			v("suffix dtc splits", (r, b) -> cell("suffix dtc splits", "5LU")),
			v("lower-case suffix", (r, b) -> cell("lower-case suffix", "5u")),
			v("past 64 bits", (r, b) -> cell64("past 64 bits", "18446744073709551616")),
			v("hex past 64 bits", (r, b) -> cell64("hex past 64 bits", "0x1" + "0".repeat(16))),
			v("largest 64-bit", (r, b) -> cell64("largest 64-bit", "0xffffffffffffffff")),
			v("empty character", (r, b) -> cell("empty character", "''")),
			v("two characters", (r, b) -> cell("two characters", "'ab'")),
			v("escaped character", (r, b) -> cell("escaped character", "'\\n' 'a' '\\x41'"))),

	VALUE_RANGE(
			v("past 32 bits", (r, b) -> cell("past 32 bits", "0x1" + "0".repeat(8))),
			v("past 8 bits", (r, b) -> bits("past 8 bits", 8, "0x100")),
			v("past 16 bits", (r, b) -> bits("past 16 bits", 16, String.valueOf(65536 + r.nextInt(99)))),
			v("negative in 8 bits", (r, b) -> bits("negative in 8 bits", 8, "(-1) (-128)")),
			v("largest 32-bit", (r, b) -> cell("largest 32-bit", "0xffffffff")),
			v("negative past 8 bits", (r, b) -> bits("negative past 8 bits", 8, "(-129)")),
			v("7-bit elements", (r, b) -> bits("7-bit elements", 7, "1")),
			v("reference in 16-bit elements", (r, b) -> bits("reference in 16-bit elements", 16,
					"&" + b.label(r.nextInt())))),

	MISSING_REFERENCE(
			v("&label body", (r, b) -> new Snippet("&label body").fault("&dtcerr_missing {").line("\tx;").line("};")),
			v("&{/path} body", (r, b) -> new Snippet("&{/path} body").fault("&{/dtcerr-missing} {").line("};")),
			v("phandle to a missing label", (r, b) -> new Snippet("phandle to a missing label").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tdtcerr-p = <&dtcerr_missing>;").line("\t};").line("};")),
			v("path to a missing label", (r, b) -> new Snippet("path to a missing label").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tdtcerr-p = &dtcerr_missing;").line("\t};").line("};")),
			v("phandle to a missing path", (r, b) -> new Snippet("phandle to a missing path").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tdtcerr-p = <&{/dtcerr-missing}>;").line("\t};").line("};")),
			v("/delete-node/ of a missing label", (r, b) -> new Snippet("/delete-node/ of a missing label")
					.fault("/delete-node/ &dtcerr_missing;")),
			v("references that exist", (r, b) -> new Snippet("references that exist").line("/ {")
					.line("\t" + Names.NODE + " {").line("\t\tdtcerr-p = <&" + b.label(r.nextInt()) + ">;")
					.line("\t\tdtcerr-q = &" + b.label(r.nextInt()) + ";").line("\t\tdtcerr-r = <&{/" + Names.NODE + "}>;")
					.line("\t};").line("};").line("&{/" + Names.NODE + "} { x; };"))),

	INCLUDE_IN_NODE(
			v("a fragment inside a node", (r, b) -> new Snippet("a fragment inside a node").line("/ {")
					.line("\t" + Names.NODE + " {").line("\t\t/include/ \"frag.dtsi\"").line("\t\tdtcerr-after = <2>;")
					.line("\t};").line("};").file("frag.dtsi", "dtcerr-a = <" + r.nextInt(99) + ">;\ndtcerr-b = \"x\";\n")),
			v("a duplicate property inside the fragment", (r, b) -> new Snippet("a duplicate property inside the fragment")
					.line("/ {").line("\t" + Names.NODE + " {").line("\t\t/include/ \"frag.dtsi\"").line("\t};").line("};")
					.file("frag.dtsi", "dtcerr-a = <1>;\ndtcerr-b;\ndtcerr-a = <2>;\n").faultIn("frag.dtsi", 1)),
			v("a property after the fragment's subnode", (r, b) -> new Snippet("a property after the fragment's subnode")
					.line("/ {").line("\t" + Names.NODE + " {").line("\t\t/include/ \"frag.dtsi\"").fault("\t\tdtcerr-p;")
					.line("\t};").line("};").file("frag.dtsi", "child {};\n")),
			v("a missing fragment", (r, b) -> new Snippet("a missing fragment").line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\t/include/ \"dtcerr-missing.dtsi\"").line("\t};").line("};")),
			v("a bad literal inside the fragment", (r, b) -> new Snippet("a bad literal inside the fragment").line("/ {")
					.line("\t" + Names.NODE + " {").line("\t\t/include/ \"frag.dtsi\"").line("\t};").line("};")
					.file("frag.dtsi", "\ndtcerr-a = <09>;\n").faultIn("frag.dtsi", 2)),
			v("a top-level /include/", (r, b) -> new Snippet("a top-level /include/").line("/include/ \"top.dtsi\"")
					.file("top.dtsi", "/ {\n\t" + Names.NODE + " { dtcerr-a = <1>; };\n};\n"))),

	LINE_MARKER(
			v("cpp's own marker for the next line", (r, b) -> marker("cpp's own marker for the next line", b, "", false)),
			v("marker with flags", (r, b) -> marker("marker with flags", b, " 1 3", false)),
			v("marker, then a bad literal", (r, b) -> marker("marker, then a bad literal", b, "", true)),
			v("#line directive", (r, b) -> new Snippet("#line directive").line("#line " + (b.lineCount() + 2)
					+ " \"board.dts\"").line("/ { " + Names.NODE + " { x; }; };")),
			v("another file's marker, then a bad literal", (r, b) -> otherMarker("another file's marker, then a bad"
					+ " literal", r, 0, "\t\tdtcerr-p = <09>;")),
			v("another file's marker, then a duplicate property", (r, b) -> otherMarker("another file's marker, then a"
					+ " duplicate property", r, 0, "\t\tdtcerr-p = <1>;", "\t\tdtcerr-p = <2>;")),
			v("another file's marker, 7 blank lines, an error", (r, b) -> otherMarker("another file's marker, 7 blank"
					+ " lines, an error", r, 7, "\t\tdtcerr-p = <09>;")),
			v("another file's marker, 8 blank lines, an error", (r, b) -> otherMarker("another file's marker, 8 blank"
					+ " lines, an error", r, 8, "\t\tdtcerr-p = <1>;", "\t\tdtcerr-p = <2>;")),
			v("another file's marker, then an #include", (r, b) -> new Snippet("another file's marker, then an #include")
					.line("# " + (1 + r.nextInt(900)) + " \"dtcerr-other.dtsi\"").line("#include \"dtcerr-inc.dtsi\"")
					.line("/ {").line("\t" + Names.NODE + " {").line("\t\tdtcerr-p = <1>;").line("\t\tdtcerr-p = <2>;")
					.line("\t};").line("};").file("dtcerr-inc.dtsi", "/ {\n\tdtcerr-inc;\n};\n")),
			v("another file's marker in an /include/d fragment", (r, b) -> new Snippet("another file's marker in an"
					+ " /include/d fragment").line("/ {").line("\t" + Names.NODE + " {").line("\t\t/include/ \"frag.dtsi\"")
					.line("\t};").line("};").file("frag.dtsi", "dtcerr-a = <1>;\n# " + (1 + r.nextInt(900))
							+ " \"dtcerr-other.dtsi\"\ndtcerr-b = <1>;\ndtcerr-b = <2>;\n")),
			v("#line naming another file, then a bad literal", (r, b) -> new Snippet("#line naming another file, then a"
					+ " bad literal").line("#line " + (1 + r.nextInt(900)) + " \"dtcerr-other.dtsi\"").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tdtcerr-p = <09>;").line("\t};").line("};")),
			v("#line naming another file, an #include, then an error", (r, b) -> new Snippet("#line naming another file,"
					+ " an #include, then an error").line("#line " + (1 + r.nextInt(900)) + " \"dtcerr-other.dtsi\"")
					.line("#include \"dtcerr-inc.dtsi\"").line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\tdtcerr-p = <1>;").line("\t\tdtcerr-p = <2>;").line("\t};").line("};")
					.file("dtcerr-inc.dtsi", "/ {\n\tdtcerr-inc;\n};\n")),
			v("#line without a file, then an error", (r, b) -> new Snippet("#line without a file, then an error")
					.line("#line " + (1 + r.nextInt(900))).line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\tdtcerr-p = <09>;").line("\t};").line("};")),
			v("an indented marker", (r, b) -> new Snippet("an indented marker").line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\t# " + (1 + r.nextInt(900)) + " \"dtcerr-other.dtsi\"").line("\t\tdtcerr-p;").line("\t};")
					.line("};"))),

	NAME_ESCAPE(
			v("escaped property name", (r, b) -> new Snippet("escaped property name").line("/ {").line("\t" + Names.NODE + " {")
					.line("\t\t\\dtcerr-p = <" + r.nextInt(99) + ">;").line("\t};").line("};")),
			v("escaped node name", (r, b) -> new Snippet("escaped node name").line("/ {").line("\t\\" + Names.NODE + " {")
					.line("\t\t\\status = \"okay\";").line("\t};").line("};")),
			v("escape makes a duplicate", (r, b) -> new Snippet("escape makes a duplicate").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tdtcerr-p = <1>;").line("\t\t\\dtcerr-p = <2>;").line("\t};")
					.line("};"))),

	NAME_CHARACTERS(
			v("'@' in a property name", (r, b) -> new Snippet("'@' in a property name").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tdtcerr@p = <1>;").line("\t};").line("};")),
			v("'*' in a node name", (r, b) -> new Snippet("'*' in a node name").line("/ {")
					.fault("\tdtcerr*node {};").line("};")),
			v("'#' in a node name", (r, b) -> new Snippet("'#' in a node name").line("/ {")
					.fault("\tdtcerr#node@1 {};").line("};")),
			v("two '@' in a node name", (r, b) -> new Snippet("two '@' in a node name").line("/ {")
					.fault("\tdtcerr@1@2 {};").line("};")),
			v("every character allowed", (r, b) -> new Snippet("every character allowed").line("/ {")
					.line("\tdtcerr,a.b_c+d-e@1,f {").line("\t\tdtcerr,a.b_c+d-e#f?g*h = <1>;").line("\t};").line("};"))),

	PHANDLE(
			v("phandle 0", (r, b) -> phandle("phandle 0", "phandle = <0>;", null)),
			v("phandle -1", (r, b) -> phandle("phandle -1", "phandle = <0xffffffff>;", null)),
			v("phandle of two cells", (r, b) -> phandle("phandle of two cells", "phandle = <0x7f001 2>;", null)),
			v("phandle taken by another node", (r, b) -> {
				String value = "0x7f0" + hex(r);
				return new Snippet("phandle taken by another node").line("/ {")
						.line("\tdtcerr-a { phandle = <" + value + ">; };").fault("\tdtcerr-b {")
						.line("\t\tlinux,phandle = <" + value + ">;").line("\t};").line("};");
			}),
			v("phandle and linux,phandle differ", (r, b) -> phandle("phandle and linux,phandle differ",
					"phandle = <0x7f010>;", "linux,phandle = <0x7f011>;")),
			v("phandle that refers to another node", (r, b) -> phandle("phandle that refers to another node",
					"phandle = <&" + b.label(r.nextInt()) + ">;", null)),
			v("phandle that refers to itself", (r, b) -> new Snippet("phandle that refers to itself").line("/ {")
					.line("\tdtcerr_self: " + Names.NODE + " {").line("\t\tphandle = <&dtcerr_self>;").line("\t};").line("};")),
			v("a free phandle", (r, b) -> new Snippet("a free phandle").line("/ {")
					.line("\t" + Names.NODE + " { phandle = <0x7f0" + hex(r) + ">; };").line("};"))),

	NAME_PROPERTY(
			v("name that is not the node's", (r, b) -> new Snippet("name that is not the node's").line("/ {")
					.fault("\t" + Names.NODE + "@1 {").line("\t\tname = \"dtcerr-other\";").line("\t};").line("};")),
			v("name that is not a string", (r, b) -> new Snippet("name that is not a string").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\tname = <1>;").line("\t};").line("};")),
			v("name equal to the base name", (r, b) -> new Snippet("name equal to the base name").line("/ {")
					.line("\t" + Names.NODE + "@1 {").line("\t\tname = \"" + Names.NODE + "\";").line("\t};").line("};"))),

	INCBIN(
			v("a whole file", (r, b) -> incbin("a whole file", r, "\"blob.bin\"")),
			v("offset and length", (r, b) -> incbin("offset and length", r, "\"blob.bin\", 2, 5")),
			v("offset past the end", (r, b) -> incbin("offset past the end", r, "\"blob.bin\", 100, 4")),
			v("length past the end", (r, b) -> incbin("length past the end", r, "\"blob.bin\", (1 + 1), 1000")),
			v("after a string", (r, b) -> new Snippet("after a string").line("/ {").line("\t" + Names.NODE + " {")
					.line("\t\tdtcerr-p = \"head\", /incbin/(\"blob.bin\", 0, 3);").line("\t};").line("};")
					.file("blob.bin", bytes(r))),
			v("a missing file", (r, b) -> new Snippet("a missing file").line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\tdtcerr-p = /incbin/(\"dtcerr-missing.bin\");").line("\t};").line("};"))),

	SYNTAX(
			v("missing ';' after a property", (r, b) -> new Snippet("missing ';' after a property").line("/ {")
					.line("\t" + Names.NODE + " {").line("\t\tdtcerr-p = <1>").fault("\t\tdtcerr-q = <2>;").line("\t};")
					.line("};")),
			v("missing '>'", (r, b) -> new Snippet("missing '>'").line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\tdtcerr-p = <1 2;").line("\t};").line("};")),
			v("/delete-node/ &label inside a node", (r, b) -> new Snippet("/delete-node/ &label inside a node").line("/ {")
					.line("\t" + Names.NODE + " {").fault("\t\t/delete-node/ &" + b.label(r.nextInt()) + ";").line("\t};")
					.line("};")),
			v("/delete-node/ &{/path} inside a node", (r, b) -> new Snippet("/delete-node/ &{/path} inside a node")
					.line("/ {").line("\t" + Names.NODE + " {").line("\t\tchild {};").fault("\t\t/delete-node/ &{/"
							+ Names.NODE + "/child};").line("\t};").line("};"))),

	HEADER(
			v("/plugin/ in the included header", (r, b) -> new Snippet("/plugin/ in the included header")
					.header("#include \"dtcerr-hdr.dtsi\"").file("dtcerr-hdr.dtsi", "/dts-v1/;\n/plugin/;\n")),
			v("two headers in the included file, /plugin/ in the second", (r, b) -> new Snippet("two headers in the"
					+ " included file, /plugin/ in the second").header("#include \"dtcerr-hdr.dtsi\"")
					.file("dtcerr-hdr.dtsi", "/dts-v1/;\n/dts-v1/;\n/plugin/;\n")),
			v("/plugin/ header after the board's through /include/", (r, b) -> new Snippet("/plugin/ header after the"
					+ " board's through /include/").header("/dts-v1/; /include/ \"dtcerr-hdr.dtsi\"")
					.file("dtcerr-hdr.dtsi", "/dts-v1/;\n/plugin/;\n")),
			v("/dts-v1/ only in the included file", (r, b) -> new Snippet("/dts-v1/ only in the included file")
					.header("#include \"dtcerr-hdr.dtsi\"").file("dtcerr-hdr.dtsi", "/dts-v1/;\n")),
			v("/dts-v1/ twice", (r, b) -> new Snippet("/dts-v1/ twice").header("/dts-v1/; /dts-v1/;")),
			v("/dts-v1/ missing", (r, b) -> new Snippet("/dts-v1/ missing").header("/* no /dts-v1/ */")),
			v("/plugin/ alone", (r, b) -> new Snippet("/plugin/ alone").header("/plugin/;")),
			v("/dts-v1/ after the tree", (r, b) -> new Snippet("/dts-v1/ after the tree").fault("/dts-v1/;")
					.line("/ { " + Names.NODE + " { x; }; };")),
			v("/plugin/ after the tree", (r, b) -> new Snippet("/plugin/ after the tree").fault("/plugin/;")),
			v("/memreserve/ after the tree", (r, b) -> new Snippet("/memreserve/ after the tree")
					.fault("/memreserve/ 0x" + hex(r) + "000 0x1000;")),
			v("/memreserve/ between the headers and the tree", (r, b) -> new Snippet("/memreserve/ between the headers"
					+ " and the tree").header("/dts-v1/; /memreserve/ 0x" + hex(r) + "000 0x1000;"))),

	INCLUDE_IN_VALUE(
			v("cells inside <>", (r, b) -> includedValue("cells inside <>", "<1 /include/ \"dtcerr-val.dtsi\" 3>",
					r.nextInt(99) + " 0x" + hex(r) + "\n")),
			v("a whole value", (r, b) -> includedValue("a whole value", "/include/ \"dtcerr-val.dtsi\"",
					"\"dtcerr\", <" + r.nextInt(99) + ">\n")),
			v("a value after a string", (r, b) -> includedValue("a value after a string",
					"\"x\", /include/ \"dtcerr-val.dtsi\"", "<1 2>, [0a 0b]\n")),
			v("a reference in the included cells", (r, b) -> includedValue("a reference in the included cells",
					"<1 /include/ \"dtcerr-val.dtsi\">", "&" + b.label(r.nextInt()) + " 7")),
			v("a bad literal in the included cells", (r, b) -> includedValue("a bad literal in the included cells",
					"<1 /include/ \"dtcerr-val.dtsi\">", "\n09\n").faultIn("dtcerr-val.dtsi", 2)),
			v("division by zero in the included value", (r, b) -> includedValue("division by zero in the included value",
					"/include/ \"dtcerr-val.dtsi\"", "\n<(" + r.nextInt(9) + " / 0)>\n").faultIn("dtcerr-val.dtsi", 2)),
			v("a missing file", (r, b) -> new Snippet("a missing file").line("/ {").line("\t" + Names.NODE + " {")
					.fault("\t\tdtcerr-p = <1 /include/ \"dtcerr-missing.dtsi\">;").line("\t};").line("};")));


	private final List<Variant> variants;

	@SafeVarargs
	FaultKind(Variant... variants) {
		this.variants = List.of(variants);
	}

	List<Variant> variants() {
		return variants;
	}

	/** One way of making a fault of this kind (or a near miss dtc accepts). */
	record Variant(String name, BiFunction<Random, BaseBoard, Snippet> make) {

		Snippet apply(Random random, BaseBoard base) {
			return make.apply(random, base);
		}
	}

	private static Variant v(String name, BiFunction<Random, BaseBoard, Snippet> make) {
		return new Variant(name, make);
	}

	private static String hex(Random r) {
		return Integer.toHexString(1 + r.nextInt(0xfff));
	}

	/** A reference to a node of the base, as dtc's '&label { }'. */
	private static String ref(BaseBoard base, Random r) {
		return "&" + base.label(r.nextInt());
	}

	private static Snippet cell(String variant, String cells) {
		return new Snippet(variant).line("/ {").line("\t" + Names.NODE + " {").fault("\t\tdtcerr-p = <" + cells + ">;")
				.line("\t};").line("};");
	}

	private static Snippet cell64(String variant, String cells) {
		return bits(variant, 64, cells);
	}

	private static Snippet bits(String variant, int bits, String cells) {
		return new Snippet(variant).line("/ {").line("\t" + Names.NODE + " {")
				.fault("\t\tdtcerr-p = /bits/ " + bits + " <" + cells + ">;").line("\t};").line("};");
	}

	private static Snippet phandle(String variant, String first, String second) {
		Snippet s = new Snippet(variant).line("/ {").fault("\t" + Names.NODE + " {").line("\t\t" + first);
		if (second != null) {
			s.line("\t\t" + second);
		}
		return s.line("\t};").line("};");
	}

	/**
	 * A line marker as cpp writes them, naming the board and the number the next line really has, so dtc's places
	 * stay the board's own lines; optionally followed by a bad literal.
	 */
	private static Snippet marker(String variant, BaseBoard base, String flags, boolean thenError) {
		int markerLine = base.lineCount() + 1;
		Snippet s = new Snippet(variant).line("# " + (markerLine + 1) + " \"board.dts\"" + flags);
		s.line("/ {").line("\t" + Names.NODE + " {");
		if (thenError) {
			s.fault("\t\tdtcerr-p = <09>;");
		}
		return s.line("\t\tdtcerr-q;").line("\t};").line("};");
	}

	/** A marker naming a file that is not the board, then a node whose body holds {@code body} after {@code gap} blank lines. */
	private static Snippet otherMarker(String variant, Random r, int gap, String... body) {
		Snippet s = new Snippet(variant).line("# " + (1 + r.nextInt(900)) + " \"dtcerr-other.dtsi\"" + (r.nextBoolean()
				? ""
				: " 1")).line("/ {").line("\t" + Names.NODE + " {");
		for (int i = 0; i < gap; i++) {
			s.line("");
		}
		for (String line : body) {
			s.fault(line);
		}
		return s.line("\t};").line("};");
	}

	/** A property whose value has an /include/ of dtcerr-val.dtsi, which holds {@code included}. */
	private static Snippet includedValue(String variant, String value, String included) {
		return new Snippet(variant).line("/ {").line("\t" + Names.NODE + " {").line("\t\tdtcerr-p = " + value + ";")
				.line("\t};").line("};").file("dtcerr-val.dtsi", included);
	}

	private static Snippet incbin(String variant, Random r, String arguments) {
		return new Snippet(variant).line("/ {").line("\t" + Names.NODE + " {")
				.line("\t\tdtcerr-p = /incbin/(" + arguments + ");").line("\t};").line("};").file("blob.bin", bytes(r));
	}

	private static byte[] bytes(Random r) {
		byte[] bytes = new byte[8 + r.nextInt(24)];
		r.nextBytes(bytes);
		return bytes;
	}
}

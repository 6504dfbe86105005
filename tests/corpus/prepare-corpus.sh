#!/usr/bin/env bash
# Prepares the differential corpus: the arm64 boards of Debian's linux-source-6.12, each compiled to a DTB
# by cpp + dtc the way kbuild does (scripts/Makefile.dtbs), plus -@ so the DTB carries every label in
# /__symbols__. The conformance test compares Carveout's effective tree of the original sources with these.
#
#   tests/corpus/prepare-corpus.sh OUT
#
# OUT/linux/            the kernel subset: arch/arm64/boot/dts, arch/arm/boot/dts, include/dt-bindings,
#                       scripts/dtc/include-prefixes, the uapi header a bindings symlink points to and the
#                       top-level Makefile (the kernel version, read by the kernel-tree import wizard)
#                       (extracted once per package version)
# OUT/boards.txt        the boards, one path a line, relative to OUT/linux
# OUT/dtb/<vendor>/<board>.dtb
# OUT/pre/<vendor>/<board>.dts   cpp's output without line markers (cpp -P): what dtc read, so the engine can
#                                be measured apart from the preprocessor
# OUT/log/<vendor>/<board>.txt   cpp and dtc messages of a board that failed
# OUT/overlays.txt      the overlays (.dtso), one path a line; each compiled as kbuild's cmd_dtc does it to
#                       OUT/dtbo/<vendor>/<name>.dtbo, cpp's output in OUT/pre/<vendor>/<name>.dtso
# OUT/composites.txt    the composite boards the Makefiles declare ("name-dtbs := base.dtb a.dtbo ..."), one
#                       a line: the kbuild target without .dtb, then its source files in order (a part that is
#                       itself a composite replaced by its own parts), all relative to OUT/linux
# OUT/composite/<vendor>/<name>.dtb   fdtoverlay's result of the base DTB and the overlays, as kbuild's
#                                     cmd_fdtoverlay makes it
# OUT/version           the versions of the kernel package, dtc and cpp the corpus was made with
# Needs: linux-source-6.12, cpp, device-tree-compiler, xz-utils (installed here when run as root).
set -euo pipefail

out=${1:?usage: prepare-corpus.sh OUT}
package=linux-source-6.12
tarball=/usr/src/$package.tar.xz
jobs=${CORPUS_JOBS:-2}

die() { echo "prepare-corpus: $*" >&2; exit 1; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

ensure_packages() {
	local missing=()
	for p in $package cpp device-tree-compiler xz-utils; do
		installed "$p" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return
	[ "$(id -u)" -eq 0 ] || die "missing packages ${missing[*]}; run: sudo apt-get install -y ${missing[*]}"
	echo "prepare-corpus: installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Only what the arm64 boards read: their own tree, the arm tree they include, the bindings headers and the
# include-prefixes symlinks kbuild passes to cpp and dtc (dt-bindings/input/linux-event-codes.h links to uapi).
extract() {
	local version=$1
	if [ -f "$out/version" ] && [ "$(cat "$out/version")" = "$version" ] && [ -d "$out/linux/arch/arm64/boot/dts" ]; then
		# A corpus from before the Makefile was part of it: add just that, the DTBs stay valid.
		[ -f "$out/linux/Makefile" ] || tar -xJf "$tarball" -C "$out/linux" --strip-components=1 $package/Makefile
		return
	fi
	[ -f "$tarball" ] || die "$tarball not found (package $package)"
	echo "prepare-corpus: extracting the DeviceTree sources of $package $version"
	rm -rf "$out/linux" "$out/dtb" "$out/pre" "$out/log" "$out/version"
	mkdir -p "$out/linux"
	tar -xJf "$tarball" -C "$out/linux" --strip-components=1 \
		$package/arch/arm64/boot/dts $package/arch/arm/boot/dts $package/include/dt-bindings \
		$package/scripts/dtc/include-prefixes $package/include/uapi/linux/input-event-codes.h $package/Makefile
	echo "$version" >"$out/version"
}

list_boards() {
	(cd "$out/linux" && find arch/arm64/boot/dts -name '*.dts' | LC_ALL=C sort) >"$out/boards.txt.new"
	mv "$out/boards.txt.new" "$out/boards.txt"
	(cd "$out/linux" && find arch/arm64/boot/dts -name '*.dtso' | LC_ALL=C sort) >"$out/overlays.txt.new"
	mv "$out/overlays.txt.new" "$out/overlays.txt"
}

# Every "name-dtbs := a.dtb b.dtbo" (or +=, with backslash continuations) of the arm64 Makefiles, a part
# that names another composite of the same Makefile expanded to that composite's parts, as make would
# build it first.
list_composites() {
	(cd "$out/linux" && find arch/arm64/boot/dts -name Makefile | LC_ALL=C sort | while read -r makefile; do
		awk -v dir="$(dirname "$makefile")" '
			/\\$/ { line = line substr($0, 1, length($0) - 1) " "; next }
			{ line = line $0; if (match(line, /^[A-Za-z0-9_.,+-]+-dtbs[ \t]*[:+]?=/)) {
				split(line, words, /[ \t]*[:+]?=[ \t]*/); name = words[1]; sub(/-dtbs$/, "", name)
				rest = substr(line, RLENGTH + 1)
				parts[name] = parts[name] " " rest; order[++count] = name
			} line = "" }
			function expand(name,    list, n, i, part, base, result) {
				n = split(parts[name], list, /[ \t]+/); result = ""
				for (i = 1; i <= n; i++) {
					part = list[i]; if (part == "") continue
					base = part; sub(/\.dtbo?$/, "", base)
					if (part ~ /\.dtb$/ && base in parts) result = result expand(base)
					else if (part ~ /\.dtbo$/) result = result " " dir "/" base ".dtso"
					else result = result " " dir "/" base ".dts"
				}
				return result
			}
			END { for (i = 1; i <= count; i++) if (!(order[i] in seen)) { seen[order[i]] = 1; print dir "/" order[i] expand(order[i]) } }
		' "$makefile"
	done) >"$out/composites.txt.new"
	mv "$out/composites.txt.new" "$out/composites.txt"
}

# One board (.dts) or overlay (.dtso), as kbuild's cmd_dtc: cpp with dtc_cpp_flags, then dtc with the default
# DTC_FLAGS (an overlay's %.dtbo rule uses the same). The only per-board flags the arm64 Makefiles set are -@
# and warning switches; -@ is on for every source here and warnings do not change the DTB.
compile_source() {
	local source=$1
	local rel=${source#arch/arm64/boot/dts/}
	local dtb log pre=$out/pre/$rel
	case $source in
	*.dtso) dtb=$out/dtbo/${rel%.dtso}.dtbo log=$out/log/${rel%.dtso}.dtbo.txt ;;
	*) dtb=$out/dtb/${rel%.dts}.dtb log=$out/log/${rel%.dts}.txt ;;
	esac
	[ "$dtb" -nt "$out/version" ] && [ "$pre" -nt "$out/version" ] && return 0
	mkdir -p "$(dirname "$dtb")" "$(dirname "$log")" "$(dirname "$pre")"
	local tmp
	tmp=$(mktemp)
	if (cd "$out/linux" &&
		cpp -nostdinc -I scripts/dtc/include-prefixes -undef -D__DTS__ -x assembler-with-cpp -o "$tmp" "$source" &&
		dtc -O dtb -o "$dtb.tmp" -b 0 -i "$(dirname "$source")" -i scripts/dtc/include-prefixes \
			-Wno-unique_unit_address -Wno-unit_address_vs_reg -Wno-avoid_unnecessary_addr_size \
			-Wno-alias_paths -Wno-graph_child_address -Wno-simple_bus_reg -@ "$tmp") >"$log" 2>&1; then
		mv "$dtb.tmp" "$dtb"
		sed '/^# [0-9]/d' "$tmp" >"$pre"
		rm -f "$log"
	else
		rm -f "$dtb.tmp"
		echo "prepare-corpus: $source did not compile, see $log" >&2
	fi
	rm -f "$tmp"
}

# One composite as kbuild's cmd_fdtoverlay: fdtoverlay -o NAME.dtb -i BASE.dtb A.dtbo B.dtbo ...
compile_composite() {
	local name=$1
	shift
	local rel=${name#arch/arm64/boot/dts/}
	local dtb=$out/composite/$rel.dtb log=$out/log/$rel.composite.txt
	[ "$dtb" -nt "$out/version" ] && return 0
	mkdir -p "$(dirname "$dtb")" "$(dirname "$log")"
	local inputs=() part
	for part in "$@"; do
		part=${part#arch/arm64/boot/dts/}
		case $part in
		*.dtso) inputs+=("$out/dtbo/${part%.dtso}.dtbo") ;;
		*) inputs+=("$out/dtb/${part%.dts}.dtb") ;;
		esac
	done
	if fdtoverlay -o "$dtb.tmp" -i "${inputs[@]}" >"$log" 2>&1; then
		mv "$dtb.tmp" "$dtb"
		rm -f "$log"
	else
		rm -f "$dtb.tmp"
		echo "prepare-corpus: composite $name did not apply, see $log" >&2
	fi
}

ensure_packages
mkdir -p "$out"
out=$(cd "$out" && pwd)
# A new kernel package or a new dtc or cpp makes every DTB stale.
version="$(dpkg-query -W -f='${Version}' $package) $(dtc --version | head -n 1) cpp $(dpkg-query -W -f='${Version}' cpp)"
extract "$version"
list_boards
list_composites
export out
export -f compile_source compile_composite
start=$(date +%s)
cat "$out/boards.txt" "$out/overlays.txt" | xargs -P "$jobs" -n 1 bash -c 'compile_source "$0"'
# after every DTB and DTBO it reads
xargs -a "$out/composites.txt" -P "$jobs" -L 1 bash -c 'compile_composite "$@"' compile_composite
echo "prepare-corpus: $(find "$out/dtb" -name '*.dtb' | wc -l) DTBs of $(wc -l <"$out/boards.txt") boards," \
	"$(find "$out/dtbo" -name '*.dtbo' 2>/dev/null | wc -l) DTBOs of $(wc -l <"$out/overlays.txt") overlays," \
	"$(find "$out/composite" -name '*.dtb' 2>/dev/null | wc -l) of $(wc -l <"$out/composites.txt") composites in $out ($(( $(date +%s) - start )) s)"

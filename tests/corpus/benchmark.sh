#!/usr/bin/env bash
# The engine against the reference, in one run over the same boards (every arm64 board of Linux 6.12 and every
# composite its Makefiles declare):
#   ours:     ./carveout check --all-boards, one process (JVM and OSGi start included)
#   cpp+dtc:  kbuild's work for the same outputs, one after the other: cpp, then dtc to a DTB, for every board
#             and every overlay (.dtso), then fdtoverlay for every composite (on the corpus's DTBs)
# Prints both times, the ratio and our peak heap. A benchmark, not a test: nothing here fails on a number.
#   tests/corpus/benchmark.sh [CORPUS]      (CORPUS as for prepare-corpus.sh; default ~/.cache/carveout/corpus)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-${CARVEOUT_CORPUS:-$HOME/.cache/carveout/corpus}}
"$root/tests/corpus/prepare-corpus.sh" "$corpus" >/dev/null
ksrc=$(cd "$corpus/linux" && pwd)
boards=$(wc -l <"$corpus/boards.txt")
composites=$(wc -l <"$corpus/composites.txt")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }

start=$(now)
status=0
"$root/carveout" check --kernel-tree "$ksrc" --all-boards arm64 --stats >"$work/ours.txt" 2>"$work/ours.err" || status=$?
ours=$(echo "$(now) - $start" | bc)
# 0, 1 and 2 are verdicts on the boards; anything else means the run itself failed
if [ "$status" -gt 2 ] || ! grep -q '^carveout check: .* boards in' "$work/ours.err"; then
	echo "benchmark: carveout check failed (exit $status):" >&2
	tail -n 5 "$work/ours.err" >&2
	exit 1
fi
stats=$(grep '^carveout check: .* boards in' "$work/ours.err")

start=$(now)
(cd "$ksrc" && while read -r board; do
	cpp -nostdinc -I scripts/dtc/include-prefixes -undef -D__DTS__ -x assembler-with-cpp -o "$work/pre.dts" "$board" &&
		dtc -O dtb -o /dev/null -b 0 -i "$(dirname "$board")" -i scripts/dtc/include-prefixes -@ -q "$work/pre.dts" || true
done < <(cat "$corpus/boards.txt" "$corpus/overlays.txt"))
(cd "$corpus" && while read -r name parts; do
	inputs=()
	for part in $parts; do
		part=${part#arch/arm64/boot/dts/}
		case $part in
		*.dtso) inputs+=("dtbo/${part%.dtso}.dtbo") ;;
		*) inputs+=("dtb/${part%.dts}.dtb") ;;
		esac
	done
	fdtoverlay -o "$work/composite.dtb" -i "${inputs[@]}" || true
done <"$corpus/composites.txt")
reference=$(echo "$(now) - $start" | bc)

printf 'benchmark: %d arm64 boards and %d composites of %s\n' "$boards" "$composites" "$(cat "$corpus/version")"
printf 'benchmark: load average %s before, %s after (%d cores)\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
printf 'benchmark: carveout check          %6.1f s  (%s)\n' "$ours" "${stats#carveout check: }"
printf 'benchmark: cpp + dtc + fdtoverlay  %6.1f s\n' "$reference"
printf 'benchmark: ratio                   %6.2f x the reference (goal 0.5 or less)\n' "$(echo "$ours / $reference" | bc -l)"

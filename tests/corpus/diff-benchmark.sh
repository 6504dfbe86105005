#!/usr/bin/env bash
# ./carveout diff against checking the same boards twice with ./carveout check, in one run: on a copy of the
# corpus's Linux 6.12 DeviceTree sources (arch/arm and arch/arm64 dts, dt-bindings, include-prefixes) made a git
# repository of two commits, the second growing the first /reserved-memory region of one SoC .dtsi (its size
# doubled):
#   diff:   ./carveout diff --kernel-tree . --base HEAD~1 --head HEAD: finds every board and composite that reads
#           the .dtsi among all arm64 boards, checks each at both commits (one process, JVM start included)
#   check:  ./carveout check --kernel-tree . of the boards diff reported, with the base commit checked out, then
#           again with the head commit (two processes; the reviewer is told the boards, diff finds them itself)
# Prints the boards, both times, the ratio and the load. A benchmark, not a test: nothing here fails on a number.
#   tests/corpus/diff-benchmark.sh [DTSI] [CORPUS]
#   (DTSI relative to the kernel tree, default arch/arm64/boot/dts/qcom/sc7180.dtsi; CORPUS as for
#   prepare-corpus.sh, default ~/.cache/carveout/corpus)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dtsi=${1:-arch/arm64/boot/dts/qcom/sc7180.dtsi}
corpus=${2:-${CARVEOUT_CORPUS:-$HOME/.cache/carveout/corpus}}
if [ ! -f "$corpus/boards.txt" ] || [ ! -f "$corpus/linux/$dtsi" ]; then
	echo "diff-benchmark: no $dtsi in the corpus at $corpus (tests/corpus/prepare-corpus.sh makes it)" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ksrc=$work/linux
mkdir -p "$ksrc"
cp -a "$corpus/linux/." "$ksrc/"
git_() { git -C "$ksrc" -c user.name=benchmark -c user.email=benchmark@localhost -c commit.gpgsign=false "$@"; }
git_ init -q -b main
git_ add -A
git_ commit -q -m base
# the change: the first region under reserved-memory gets twice its size (<0x0 BASE 0x0 SIZE>)
perl -0pi -e 's/(reserved-memory \{.*?reg = <0x0 0x[0-9a-f]+ 0x0 )(0x[0-9a-f]+)/$1 . sprintf("0x%x", hex($2) * 2)/se' "$ksrc/$dtsi"
if git_ diff --quiet; then
	echo "diff-benchmark: found no <0x0 BASE 0x0 SIZE> reg under reserved-memory in $dtsi to change" >&2
	exit 1
fi
git_ commit -q -am "grow the first carve-out of $(basename "$dtsi")"
echo "diff-benchmark: the change: $(git_ diff HEAD~1 HEAD | grep '^+[^+]' | tr -s '\t ' ' ')"

now() { date +%s.%N; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
"$root/carveout" check --help >/dev/null 2>&1 || true # builds Carveout first if it is missing, outside the timing

start=$(now)
status=0
(cd "$ksrc" && "$root/carveout" diff --kernel-tree . --base HEAD~1 --head HEAD --format json >"$work/diff.json" 2>"$work/diff.err") || status=$?
diff_time=$(echo "$(now) - $start" | bc)
if [ "$status" -gt 2 ]; then
	echo "diff-benchmark: carveout diff failed (exit $status):" >&2
	tail -n 5 "$work/diff.err" >&2
	exit 1
fi
# each board as check takes it: a .dts, or a composite's parts joined with '+'
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    print("+".join(json.loads(line)["parts"]))' "$work/diff.json" >"$work/boards.txt"
reached=$(wc -l <"$work/boards.txt")
changed=$(python3 -c '
import json, sys
print(sum(1 for line in open(sys.argv[1]) if json.loads(line)["differences"]))' "$work/diff.json")
mapfile -t boards <"$work/boards.txt"

check_time=0
for revision in HEAD~1 main; do
	git_ checkout -q "$revision"
	start=$(now)
	(cd "$ksrc" && "$root/carveout" check --kernel-tree . "${boards[@]}" >/dev/null 2>"$work/check.err") || true
	check_time=$(echo "$check_time + $(now) - $start" | bc)
done

printf 'diff-benchmark: %s changed; %d of %d arm64 boards and composites reached, %d with memory-map changes\n' \
	"$dtsi" "$reached" "$(( $(wc -l <"$corpus/boards.txt") + $(wc -l <"$corpus/composites.txt") ))" "$changed"
printf 'diff-benchmark: load average %s before, %s after (%d cores)\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
printf 'diff-benchmark: carveout diff              %6.1f s\n' "$diff_time"
printf 'diff-benchmark: carveout check, twice      %6.1f s\n' "$check_time"
printf 'diff-benchmark: ratio                      %6.2f\n' "$(echo "$diff_time / $check_time" | bc -l)"

#!/usr/bin/env bash
# The fuzzer as a benchmark: N seeded mutations of the corpus boards and the files they include, through the whole
# engine headless in one process (the corpus test bundle's OSGi runtime, all cores), printing inputs per second,
# the machine's load, and every failure (exception, hang past the per-input bound, missing result, location beyond
# the file) with a minimized reproducer under tests/dev.carveout.corpus.tests/target/fuzz/.
#   tests/fuzz.sh [N] [SEED]       default: 10000 inputs, seed 20261202
# Uses the corpus that ./carveout test prepares (~/.cache/carveout/corpus or $CARVEOUT_CORPUS).
set -euo pipefail
N=${1:-10000}
SEED=${2:-20261202}
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
CORPUS=${CARVEOUT_CORPUS:-$HOME/.cache/carveout/corpus}
LOG=$(mktemp -t carveout-fuzz.XXXXXX)
echo "fuzz: $N inputs, seed $SEED, corpus $CORPUS, load $(cut -d' ' -f1-3 /proc/loadavg); Maven log $LOG" >&2
status=0
./mvnw -B -o verify -pl tests/dev.carveout.corpus.tests -am -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
	-Dcarveout.corpus="$CORPUS" -Dcarveout.fuzz.inputs="$N" -Dcarveout.fuzz.seed="$SEED" >"$LOG" 2>&1 || status=$?
grep -E '^fuzz: ' "$LOG" || true
OUT=tests/dev.carveout.corpus.tests/target/fuzz
if [ -f "$OUT/report.txt" ]; then
	for reproducer in "$OUT"/*.txt; do
		[ "$(basename "$reproducer")" = report.txt ] || { echo "--- $reproducer"; head -20 "$reproducer"; }
	done
fi
if [ "$status" -ne 0 ]; then
	echo "fuzz: failed (exit $status); see $LOG" >&2
fi
exit "$status"

#!/bin/sh
# Keystroke-to-markers latency in the running workbench (LatencyBenchmark in tests/dev.carveout.ui.tests):
# the largest Qualcomm SoC .dtsi of Linux 6.12 with a board that includes it. Needs the kernel corpus
# (tests/corpus/prepare-corpus.sh puts it in ~/.cache/carveout/corpus) and Xvfb. Prints the figures and
# writes them to tests/dev.carveout.ui.tests/target/benchmark/latency.txt.
set -eu
cd "$(dirname "$0")/.."
benchmark=ui-benchmark
. tests/benchmark-setup.sh
out="$PWD/tests/dev.carveout.ui.tests/target/benchmark/latency.txt"
# CARVEOUT_BENCHMARK_JFR=FILE records a Java Flight Recording of the run (jfr print --events jdk.ExecutionSample FILE).
jfr="${CARVEOUT_BENCHMARK_JFR:+-XX:StartFlightRecording=filename=$CARVEOUT_BENCHMARK_JFR,settings=profile}"
xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -o verify -pl bundles/dev.carveout.ui,tests/dev.carveout.ui.tests -am \
	-Dtest=LatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	"-Dcarveout.benchmark.args=-Dcarveout.benchmark=true -Dcarveout.typingDelayMs=0 -Dcarveout.corpus=$corpus -Dcarveout.benchmark.out=$out ${jfr}"
echo
cat "$out"

#!/bin/sh
# What an LSP editor waits for: ./carveout lsp as a child process, an lsp4j client on its stdin/stdout (LspBenchmark
# in tests/dev.carveout.lsp.tests, run as a plain java program on the Studio's lsp4j and gson jars), Linux 6.12's
# qcm6490-idp.dts and sc7280.dtsi from the kernel corpus: didOpen to first diagnostics, single-character reg edits
# in the board and in the .dtsi (median, p95), and the server JVM's peak RSS. Needs the corpus
# (tests/corpus/prepare-corpus.sh) and the Studio, which ./carveout lsp builds when it is missing; after changing
# the server, build it again (./carveout build) or the old one is measured.
#   CARVEOUT_LSP_COMMAND   the server command instead of "./carveout lsp" (another checkout's, for before/after)
#   CARVEOUT_BENCHMARK_JFR=FILE   a Java Flight Recording of the server (jfr print --events jdk.ExecutionSample FILE)
# Prints the figures with the machine's load and writes them to tests/dev.carveout.lsp.tests/target/benchmark/lsp.txt
# (or $CARVEOUT_BENCHMARK_OUT).
set -eu
cd "$(dirname "$0")/.."
benchmark=lsp-benchmark
. tests/benchmark-setup.sh
plugins=releng/dev.carveout.studio/target/products/dev.carveout.studio/linux/gtk/x86_64/plugins
if ! ls "$plugins"/dev.carveout.lsp_* >/dev/null 2>&1; then
	echo "lsp-benchmark: building the Studio first (./carveout lsp runs from it)" >&2
	./mvnw -B -q verify -DskipTests -Dtycho.surefire.skip=true -pl releng/dev.carveout.studio -am >&2
fi
jar() {
	ls "$plugins"/"$1"_*.jar | head -n 1
}
classpath="$(jar org.eclipse.lsp4j):$(jar org.eclipse.lsp4j.jsonrpc):$(jar com.google.gson)"
out="${CARVEOUT_BENCHMARK_OUT:-$PWD/tests/dev.carveout.lsp.tests/target/benchmark/lsp.txt}"
# shellcheck disable=SC2086 # the command is words on purpose
"$JAVA_HOME/bin/java" -cp "$classpath" \
	tests/dev.carveout.lsp.tests/src/dev/carveout/lsp/tests/LspBenchmark.java \
	"$corpus/linux" "$out" ${CARVEOUT_LSP_COMMAND:-"$PWD/carveout" lsp}

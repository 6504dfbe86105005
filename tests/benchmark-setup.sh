# Sourced by the benchmarks on the kernel corpus (from the repository root, with $benchmark set to the script's
# name): Temurin 25 unless JAVA_HOME names another JDK, and $corpus, the prepared Linux 6.12 corpus, or exit 3
# saying how to prepare it.
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
corpus="${CARVEOUT_CORPUS:-$HOME/.cache/carveout/corpus}"
if [ ! -f "$corpus/linux/arch/arm64/boot/dts/qcom/sc7280.dtsi" ]; then
	echo "$benchmark: no kernel corpus at $corpus (run tests/corpus/prepare-corpus.sh first)" >&2
	exit 3
fi

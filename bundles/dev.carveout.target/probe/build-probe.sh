#!/bin/sh
# Builds carveout-heap-probe statically for every architecture Carveout ships it for, with Debian's cross
# compilers, into OUT/<arch>/carveout-heap-probe (OUT defaults to bin/ next to this script). Run by the
# bundle's Maven build in generate-resources; the arch names are what HeapProbe maps `uname -m` to.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/bin}
src=$here/carveout-heap-probe.c
# arch  compiler                  Debian packages that provide it (and its static libc)
targets="aarch64:aarch64-linux-gnu-gcc:gcc-aarch64-linux-gnu,libc6-dev-arm64-cross
armhf:arm-linux-gnueabihf-gcc:gcc-arm-linux-gnueabihf,libc6-dev-armhf-cross
x86_64:x86_64-linux-gnu-gcc:gcc,libc6-dev"
missing=""
for t in $targets; do
	cc=$(echo "$t" | cut -d: -f2)
	command -v "$cc" >/dev/null 2>&1 || missing="$missing $(echo "$t" | cut -d: -f3 | tr , ' ')"
done
if [ -n "$missing" ]; then
	echo "build-probe.sh: cross compilers missing for the DMA-BUF heap probe; run: apt-get install -y$missing" >&2
	exit 1
fi
for t in $targets; do
	arch=$(echo "$t" | cut -d: -f1)
	cc=$(echo "$t" | cut -d: -f2)
	mkdir -p "$out/$arch"
	# -static: the board's libc (glibc, musl, none) does not matter; -s: a smaller upload.
	"$cc" -std=c11 -O2 -Wall -Wextra -Werror -static -s -o "$out/$arch/carveout-heap-probe.tmp" "$src"
	mv "$out/$arch/carveout-heap-probe.tmp" "$out/$arch/carveout-heap-probe"
done

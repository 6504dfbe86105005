#!/usr/bin/env bash
# The install test's two halves (the p2 director runs between them, from the pom):
#   prepare PLATFORM DEST  copy the stock platform IDE; it must not contain Carveout yet
#   verify  DEST JAVA      launch the installed IDE headless with dev.carveout.cli.selfcheck
#   studio  STUDIO JAVA EXAMPLES PNG   start Carveout Studio on examples/ as ./carveout studio does, wait for
#                          the sample board's markers, save a screenshot and close (needs a display)
set -euo pipefail
step=$1
case "$step" in
prepare)
	platform=$2 dest=$3
	[ -d "$platform/plugins" ] || { echo "install test: no platform product at $platform" >&2; exit 1; }
	rm -rf "$dest" && mkdir -p "$(dirname "$dest")" && cp -a "$platform" "$dest"
	if ls "$dest/plugins" | grep -q '^dev\.carveout\.'; then
		echo "install test: the stock platform already contains Carveout bundles" >&2; exit 1
	fi
	echo "install test: stock platform with $(ls "$dest/plugins" | wc -l) plugins copied to $dest"
	;;
verify)
	dest=$2 java=$3
	launcher=$(ls "$dest"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
	config=$(mktemp -d)
	trap 'rm -rf "$config"' EXIT
	set +e
	output=$("$java" -jar "$launcher" -nosplash -consoleLog -configuration "$config" -data @none \
		-application dev.carveout.cli.selfcheck 2>&1)
	status=$?
	set -e
	echo "$output"
	expected=$(grep -c '<plugin id="dev\.carveout\.' "$(dirname "$0")/../../features/dev.carveout.feature/feature.xml")
	active=$(grep -c '^bundle dev\.carveout\..* ACTIVE$' <<<"$output" || true)
	contributions=$(grep -c '^contribution .* OK$' <<<"$output" || true)
	if [ "$status" -ne 0 ] || [ "$active" -ne "$expected" ] || ! grep -q '^engine OK' <<<"$output" \
		|| [ "$contributions" -ne 4 ]; then
		echo "install test: FAILED (exit $status, $active of $expected Carveout bundles active)" >&2
		echo "install: 0 passed, 1 failed"
		exit 1
	fi
	echo "install test: $active of $expected Carveout bundles active in the installed IDE, perspective, wizards and cheat sheet registered, engine OK"
	echo "install: 1 passed, 0 failed"
	;;
studio)
	studio=$2 java=$3 examples=$4 png=$5
	launcher=$(ls "$studio"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
	workspace=$(mktemp -d) config=$(mktemp -d)
	trap 'rm -rf "$workspace" "$config"' EXIT
	rm -f "$png"
	set +e
	output=$(timeout 180 "$java" -Dcarveout.import="$examples" -Dcarveout.screenshot="$png" -Dcarveout.exit=true \
		-jar "$launcher" -configuration "$config" -data "$workspace" 2>&1)
	status=$?
	set -e
	grep -v '^$' <<<"$output" | tail -n 20
	markers=$(sed -n 's/^carveout studio: board.dts open with \([0-9]*\) marker(s).*/\1/p' <<<"$output")
	perspective=$(sed -n 's/^carveout studio: perspective //p' <<<"$output")
	if [ "$status" -ne 0 ] || [ "${markers:-0}" -lt 1 ] || [ ! -s "$png" ] || [ "$perspective" != dev.carveout.ui.perspective ]; then
		echo "studio test: FAILED (exit $status, markers '${markers}', perspective '${perspective}', screenshot $png)" >&2
		echo "studio: 0 passed, 1 failed"
		exit 1
	fi
	echo "studio test: Carveout Studio opened the sample board with $markers marker(s) in the Carveout perspective; screenshot $png"
	echo "studio: 1 passed, 0 failed"
	;;
*)
	echo "usage: $0 prepare PLATFORM DEST | verify DEST JAVA | studio STUDIO JAVA EXAMPLES PNG" >&2; exit 2 ;;
esac

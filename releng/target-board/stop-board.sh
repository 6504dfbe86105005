#!/usr/bin/env bash
# Stops a board started by start-board.sh:
#   stop-board.sh RUN BOARD
# Asks the guest to power off over SSH (busybox init runs its shutdown actions, then PSCI makes QEMU exit);
# if QEMU is still there after 20 s, or SSH does not answer, kills QEMU by its pid file.
set -uo pipefail
[ $# -eq 2 ] || { sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
run=$(realpath -m "$1") board=$2
log() { echo "stop-board: $*" >&2; }
[ -f "$run/qemu.pid" ] || { log "no $run/qemu.pid: nothing to stop"; exit 0; }
pid=$(cat "$run/qemu.pid")
start=$(date +%s%N)
ms() { echo "$(( ($(date +%s%N) - start) / 1000000 )) ms"; }

# Only ever signal our QEMU: the pid file may be stale and the pid reused by now.
is_our_qemu() { tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "qemu-system-aarch64.*$run/qemu.pid"; }
wait_gone() {
	local deadline=$(( $(date +%s) + $1 ))
	while is_our_qemu; do
		[ "$(date +%s)" -lt "$deadline" ] || return 1
		sleep 0.2
	done
}

if is_our_qemu && [ -f "$run/port" ]; then
	# The guest may go down before ssh sees poweroff's exit status: give it a few seconds either way.
	grace=5
	timeout 15 ssh -p "$(cat "$run/port")" -i "$board/id_ed25519" -o BatchMode=yes -o IdentitiesOnly=yes \
		-o StrictHostKeyChecking=yes -o UserKnownHostsFile="$run/known_hosts" -o ConnectTimeout=5 \
		root@127.0.0.1 poweroff 2>/dev/null && grace=20
	if wait_gone "$grace"; then log "powered off after $(ms)"; rm -f "$run/qemu.pid"; exit 0; fi
	log "no power-off within $grace s: killing QEMU $pid"
fi
if is_our_qemu; then
	kill "$pid"
	wait_gone 10 || { kill -9 "$pid"; wait_gone 5; }
	log "QEMU $pid killed after $(ms)"
fi
rm -f "$run/qemu.pid"

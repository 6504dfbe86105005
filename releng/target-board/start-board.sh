#!/usr/bin/env bash
# Boots the test board built by build-board.sh in QEMU, in the background:
#   start-board.sh BOARD RUN DTS
#     BOARD  a board directory from build-board.sh (Image, initrd.cpio.gz, id_ed25519, host_key.pub)
#     RUN    a directory for this boot: board.dtb, console.log, qemu.pid, port, known_hosts
#     DTS    the board's device tree source, compiled here with dtc
# Returns once root can log in over SSH on 127.0.0.1:PORT (forwarded to the guest's port 22); prints PORT.
# Stop it with stop-board.sh RUN BOARD.
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
board=$1 run=$2 dts=$3
boot_timeout=${CARVEOUT_BOARD_BOOT_TIMEOUT:-180}   # seconds to the console marker; TCG on a busy host is slow
marker='rcS: done'

die() { echo "start-board: $*" >&2; exit 1; }
log() { echo "start-board: $*" >&2; }
command -v qemu-system-aarch64 >/dev/null || die "qemu-system-aarch64 missing; install: apt-get install qemu-system-arm"
command -v dtc >/dev/null || die "dtc missing; install: apt-get install device-tree-compiler"
for f in Image initrd.cpio.gz id_ed25519 host_key.pub; do
	[ -f "$board/$f" ] || die "$board/$f missing: build the board first (build-board.sh)"
done
mkdir -p "$run"
run=$(realpath "$run")   # absolute: stop-board.sh recognises our QEMU by the pid file path on its command line
# A board left running in this directory (its test JVM was killed) is stopped first, not leaked.
[ ! -f "$run/qemu.pid" ] || "$(dirname "$0")/stop-board.sh" "$run" "$board"
start=$(date +%s%N)
ms() { echo "$(( ($(date +%s%N) - start) / 1000000 )) ms"; }

# QEMU's decompiled tree names phandles by number: dtc's phandle-reference checks do not apply to it.
dtc -q -I dts -O dtb -o "$run/board.dtb" "$dts" || die "dtc failed on $dts"

# A fresh port per boot: a QEMU that is still exiting keeps its old port ("Could not set up host forwarding
# rule"), and parallel builds must not collide. If the port is taken by the time QEMU binds it, try another.
boot() {
	local port=$1
	rm -f "$run/qemu.pid" "$run/console.log"
	qemu-system-aarch64 -M virt -cpu cortex-a57 -smp 2 -m 512 \
		-kernel "$board/Image" -initrd "$board/initrd.cpio.gz" -dtb "$run/board.dtb" \
		-append "console=ttyAMA0 panic=-1" \
		-netdev user,id=n0,hostfwd=tcp:127.0.0.1:"$port"-:22 -device virtio-net-pci,netdev=n0 \
		-device virtio-rng-pci -display none -monitor none -serial file:"$run/console.log" -no-reboot \
		-daemonize -pidfile "$run/qemu.pid" 2> "$run/qemu.err"
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
started=
for attempt in 1 2 3 4 5; do
	port=$(( 20000 + RANDOM % 40000 ))
	port_free "$port" || continue
	if boot "$port"; then started=1; break; fi
	grep -q 'host forwarding' "$run/qemu.err" || die "QEMU did not start: $(cat "$run/qemu.err")"
done
[ -n "$started" ] || die "no free port for QEMU after 5 attempts: $(cat "$run/qemu.err")"
echo "$port" > "$run/port"
pid=$(cat "$run/qemu.pid")
log "QEMU pid $pid, SSH on 127.0.0.1:$port"

# The kernel prints its log, then rcS its marker; SSH polled before that only stalls.
deadline=$(( $(date +%s) + boot_timeout ))
until grep -q "$marker" "$run/console.log" 2>/dev/null; do
	kill -0 "$pid" 2>/dev/null || die "QEMU exited during boot (panic?); console:
$(tail -n 30 "$run/console.log" 2>/dev/null)"
	[ "$(date +%s)" -lt "$deadline" ] || die "no '$marker' on the console within $boot_timeout s; console:
$(tail -n 30 "$run/console.log" 2>/dev/null)"
	sleep 0.2
done
log "console marker after $(ms)"

# Strict host key checking against the key the build generated: the board is who the build says it is.
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$board/host_key.pub")" > "$run/known_hosts"
ssh_args=(-p "$port" -i "$board/id_ed25519" -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes
	-o UserKnownHostsFile="$run/known_hosts" -o ConnectTimeout=5 root@127.0.0.1)
deadline=$(( $(date +%s) + 60 ))
until ssh "${ssh_args[@]}" true 2> "$run/ssh.err"; do
	kill -0 "$pid" 2>/dev/null || die "QEMU exited while waiting for SSH; console:
$(tail -n 30 "$run/console.log")"
	[ "$(date +%s)" -lt "$deadline" ] || die "SSH not ready within 60 s after the marker: $(cat "$run/ssh.err")"
	sleep 0.3
done
log "SSH ready after $(ms)"
echo "$port"

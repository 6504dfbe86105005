#!/usr/bin/env bash
# Builds the emulated arm64 test board once and caches it:
#   build-board.sh [CACHE]     CACHE defaults to $CARVEOUT_BOARD_CACHE, then ~/.cache/carveout/board
# Two cache levels, so that changing the initramfs recipe does not rebuild the kernel (4-10 minutes):
#   CACHE/kernel-<K>/   Image, modules/, config, release; K = hash(fragment, linux-source-6.12 version)
#   CACHE/board-<B>/    Image, initrd.cpio.gz, release, root key pair, board host key; B = hash(K, initramfs recipe)
#   CACHE/current       symlink to the last board built, which start-board.sh boots
# Prints the board directory on its last line of stdout.
# Needs (apt): linux-source-6.12 gcc-aarch64-linux-gnu libc6-dev-arm64-cross make gcc libc6-dev bison flex
# libssl-dev bc cpio kmod xz-utils openssh-client; the arm64 userland comes from Debian's archive with
# apt-get download (a private apt configuration: the host's dpkg architectures are left alone).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${1:-${CARVEOUT_BOARD_CACHE:-$HOME/.cache/carveout/board}}
source_package=linux-source-6.12
source_tarball=/usr/src/linux-source-6.12.tar.xz
fragment=$here/kernel-arm64-virt.fragment
recipe=("$here/build-board.sh" "$here/initramfs/rcS" "$here/initramfs/inittab" "$here/initramfs/packages")

die() { echo "build-board: $*" >&2; exit 1; }
log() { echo "build-board: $*" >&2; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

# Options that must survive allnoconfig: if a dependency is missing Kconfig drops them silently.
required_options=(DMABUF_HEAPS DMABUF_HEAPS_SYSTEM DMABUF_HEAPS_CMA DMA_CMA ZRAM OF_RESERVED_MEM VIRTIO_NET)

# The userland (Debian arm64 packages). dash is root's shell because busybox's shell runs its own applets
# before $PATH (swapon -p fails); util-linux brings the real swapon/mkswap.
mapfile -t userland_packages < <(grep -v '^#' "$here/initramfs/packages" | grep -v '^$')

check_tools() {
	local missing=()
	for tool in aarch64-linux-gnu-gcc make gcc bison flex bc cpio depmod xz ssh-keygen apt-get dpkg-deb; do
		command -v "$tool" >/dev/null || missing+=("$tool")
	done
	[ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]} (./carveout test installs them as root)"
	[ -f "$source_tarball" ] || die "no kernel source at $source_tarball; install: apt-get install $source_package"
}

kernel_key() {
	local version
	version=$(dpkg-query -W -f='${Version}' "$source_package" 2>/dev/null) || die "$source_package is not installed"
	{ cat "$fragment"; echo "$source_package $version"; } | sha256sum | cut -c1-16
}

build_kernel() {
	local out=$1 start work build
	start=$(date +%s)
	work=$(mktemp -d "$cache/.kernel-work.XXXXXX")
	log "kernel: extracting $source_tarball"
	tar -xf "$source_tarball" -C "$work"
	local src=$work/linux-source-6.12 build=$work/build
	local make_args=(-C "$src" O="$build" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
	log "kernel: allnoconfig with $(basename "$fragment") ($(elapsed "$start"))"
	make -s "${make_args[@]}" KCONFIG_ALLCONFIG="$fragment" allnoconfig
	for option in "${required_options[@]}"; do
		grep -Eq "^CONFIG_${option}=(y|m)$" "$build/.config" ||
			die "CONFIG_$option did not stick after allnoconfig (see $build/.config); a dependency is missing from $fragment"
	done
	log "kernel: building Image and modules with $(nproc) jobs ($(elapsed "$start"))"
	make -s "${make_args[@]}" -j"$(nproc)" Image modules
	mkdir -p "$work/out"
	make -s "${make_args[@]}" INSTALL_MOD_PATH="$work/out/modules" INSTALL_MOD_STRIP=1 modules_install
	cp "$build/arch/arm64/boot/Image" "$work/out/Image"
	cp "$build/.config" "$work/out/config"
	make -s "${make_args[@]}" kernelrelease > "$work/out/release"
	mv "$work/out" "$out"
	rm -rf "$work"
	log "kernel: $(cat "$out/release") built in $(elapsed "$start")"
}

# A private apt: arm64 as the architecture, our own state (package lists) and cache; Dir::Etc stays the
# host's, so the host's sources and keyrings are used and the host's dpkg architectures are left alone.
fetch_userland() {
	local debs=$1 apt_dir=$cache/apt
	mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" "$debs"
	cat > "$apt_dir/apt.conf" <<-EOF
		APT::Architecture "arm64";
		APT::Architectures { "arm64"; };
		APT::Sandbox::User "root";
		Dir::State "$apt_dir/state";
		Dir::State::status "$apt_dir/state/status";
		Dir::Cache "$apt_dir/cache";
	EOF
	touch "$apt_dir/state/status"
	export APT_CONFIG=$apt_dir/apt.conf
	apt-get -qq update || die "apt-get update (arm64 lists) failed; the board's userland comes from Debian's archive"
	(cd "$debs" && apt-get -qq download "${userland_packages[@]}") || die "apt-get download of the arm64 userland failed"
	unset APT_CONFIG
}

# Dropbear's own key format: the host key is made with the host's dropbearkey, unpacked from the amd64
# packages rather than installed, so the build knows the board's host key and the tests can check its
# fingerprint instead of trusting whatever answers on the port.
make_host_key() {
	local out=$1 tools=$2
	(cd "$tools" && apt-get -qq -o APT::Sandbox::User=root download dropbear-bin libtomcrypt1 libtommath1 libgmp10) ||
		die "apt-get download of dropbear-bin (for dropbearkey on the build host) failed"
	for deb in "$tools"/*.deb; do dpkg-deb -x "$deb" "$tools/root"; done
	LD_LIBRARY_PATH="$tools/root/usr/lib/$(uname -m)-linux-gnu" \
		"$tools/root/usr/bin/dropbearkey" -t ed25519 -f "$out/dropbear_ed25519_host_key" 2>/dev/null |
		grep '^ssh-ed25519 ' | awk '{print $1, $2, "carveout-board"}' > "$out/host_key.pub"
	[ -s "$out/host_key.pub" ] || die "dropbearkey made no public key"
}

build_initramfs() {
	local kernel=$1 out=$2 start work root
	start=$(date +%s)
	work=$(mktemp -d "$cache/.initramfs-work.XXXXXX")
	root=$work/root
	fetch_userland "$work/debs"
	log "initramfs: $(ls "$work/debs" | wc -l) packages fetched ($(elapsed "$start"))"
	for deb in "$work/debs"/*.deb; do
		case $(dpkg-deb -f "$deb" Package) in
		# Not installed: a board without a generator is what most tests deploy to (the newest release's semantics);
		# the test of a persisted deployment links it in and reads its version.
		systemd-zram-generator) mkdir -p "$root/opt/systemd-zram-generator" && dpkg-deb -x "$deb" "$root/opt/systemd-zram-generator" ;;
		# Only the formatter zram-generator --setup-device runs (/lib/systemd/systemd-makefs swap /dev/zramN):
		# the rest of systemd, PID 1 included, has no place under busybox init.
		systemd)
			mkdir -p "$work/systemd" && dpkg-deb -x "$deb" "$work/systemd"
			install -D -m 755 "$work/systemd/lib/systemd/systemd-makefs" "$root/usr/lib/systemd/systemd-makefs" ;;
		*) dpkg-deb -x "$deb" "$root" ;;
		esac
	done
	[ -x "$root/opt/systemd-zram-generator/lib/systemd/system-generators/zram-generator" ] ||
		die "no zram-generator in systemd-zram-generator"
	# Documentation and glibc's charset converters are most of the unpacked size and nothing on the board uses them.
	rm -rf "$root"/usr/share/{doc,man,info,locale,lintian,bash-completion} "$root"/usr/lib/*-linux-gnu/gconv
	# libsystemd-shared's package also brings PID 1's core library, and libssl3 TLS and its modules: systemd-makefs
	# loads neither (it needs libcrypto alone).
	rm -rf "$root"/usr/lib/*-linux-gnu/systemd/libsystemd-core-*.so "$root"/usr/lib/*-linux-gnu/libssl.so.* \
		"$root"/usr/lib/*-linux-gnu/{engines-3,ossl-modules}
	mkdir -p "$work/out" "$work/tools"

	# Debian's merged /usr: the packages install into /usr/{bin,sbin,lib}; the root links point there.
	for dir in bin sbin lib; do
		if [ -d "$root/$dir" ] && [ ! -L "$root/$dir" ]; then
			mkdir -p "$root/usr/$dir"; cp -a "$root/$dir/." "$root/usr/$dir/"; rm -rf "${root:?}/$dir"
		fi
		ln -sfn "usr/$dir" "$root/$dir"
	done
	mkdir -p "$root"/{proc,sys,dev,tmp,run,root/.ssh,etc/dropbear,etc/init.d,var/log,mnt}
	chmod 1777 "$root/tmp"; chmod 700 "$root/root" "$root/root/.ssh"
	# busybox-static is /bin/busybox and busybox init is /init; rcS links the other applets at boot
	# (busybox --install), since an arm64 busybox cannot list them on the build host.
	ln -sf usr/bin/busybox "$root/init"
	# dropbear runs /usr/lib/sftp-server for SFTP and scp; Debian's package ships the link, make sure of it.
	[ -e "$root/usr/lib/sftp-server" ] || ln -s openssh/sftp-server "$root/usr/lib/sftp-server"
	[ -x "$root/usr/lib/openssh/sftp-server" ] || die "no sftp-server in openssh-sftp-server"

	install -m 755 "$here/initramfs/rcS" "$root/etc/init.d/rcS"
	install -m 644 "$here/initramfs/inittab" "$root/etc/inittab"
	echo 'root:x:0:0:root:/root:/bin/dash' > "$root/etc/passwd"
	echo 'root:x:0:' > "$root/etc/group"
	echo '/bin/dash' > "$root/etc/shells"
	echo 'root:*:1:0:99999:7:::' > "$root/etc/shadow"; chmod 600 "$root/etc/shadow"   # no password: keys only
	echo target > "$root/etc/hostname"
	printf 'export PATH=/usr/sbin:/usr/bin:/sbin:/bin\n' > "$root/etc/profile"

	ssh-keygen -q -t ed25519 -N '' -C carveout-test -f "$work/out/id_ed25519"
	cp "$work/out/id_ed25519.pub" "$root/root/.ssh/authorized_keys"; chmod 600 "$root/root/.ssh/authorized_keys"
	make_host_key "$work/out" "$work/tools"
	cp "$work/out/dropbear_ed25519_host_key" "$root/etc/dropbear/"; chmod 600 "$root/etc/dropbear/dropbear_ed25519_host_key"

	# zram and its compressors, loadable with modprobe.
	local release
	release=$(cat "$kernel/release")
	cp -a "$kernel/modules/lib/modules" "$root/usr/lib/"
	rm -f "$root/usr/lib/modules/$release"/{build,source}
	depmod -b "$root" "$release"

	(cd "$root" && find . -print0 | LC_ALL=C sort -z | cpio -o -0 -H newc --owner=0:0 --quiet) | gzip -9 > "$work/out/initrd.cpio.gz"
	cp "$kernel/Image" "$kernel/release" "$work/out/"
	mv "$work/out" "$out"
	rm -rf "$work"
	log "initramfs: $(du -h "$out/initrd.cpio.gz" | cut -f1) built in $(elapsed "$start")"
}

check_tools
mkdir -p "$cache"
# One build at a time per cache: a second caller (another test run) waits, then finds the board cached.
exec 9> "$cache/.lock"
flock 9
rm -rf "$cache"/.kernel-work.* "$cache"/.initramfs-work.*   # left by an interrupted build
total=$(date +%s)
kernel=$cache/kernel-$(kernel_key)
if [ -f "$kernel/Image" ]; then log "kernel: cached in $kernel"; else build_kernel "$kernel"; fi
board=$cache/board-$({ echo "$(basename "$kernel")"; cat "${recipe[@]}"; } | sha256sum | cut -c1-16)
if [ -f "$board/initrd.cpio.gz" ]; then log "board: cached in $board"; else build_initramfs "$kernel" "$board"; fi
ln -sfn "$(basename "$board")" "$cache/current"
log "board ready in $(elapsed "$total"): $board"
echo "$board"

/*
 * carveout-heap-probe: what the board's DMA-BUF heaps really give.
 *
 * For every heap in /dev/dma_heap (or the ones named with --heap) it allocates a ladder of sizes (4 KiB,
 * 64 KiB, 1 MiB, 4 MiB, 16 MiB, then x4) until an allocation fails or the next size passes --max; each
 * buffer is mapped, written and read back between DMA_BUF_IOCTL_SYNC start and end, and closed. Every
 * step is timed. It also reports CmaTotal/CmaFree (/proc/meminfo) and each CMA area of
 * /sys/kernel/mm/cma (counters) and <debugfs>/cma (size and use in pages), then prints one JSON object.
 *
 * Only the kernel's uapi headers and libc: it is linked statically so that one binary per architecture
 * runs on any board image, whatever its libc.
 *
 * Usage: carveout-heap-probe [--max BYTES] [--heap NAME]...
 * Exit status: 0 when the probe ran (failed allocations and a missing /dev/dma_heap are results, in the
 * JSON, not errors), 2 on bad usage.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <linux/dma-buf.h>
#include <linux/dma-heap.h>

#define HEAP_DIR "/dev/dma_heap"
#define CMA_SYSFS "/sys/kernel/mm/cma"
#define CMA_DEBUGFS "/sys/kernel/debug/cma"
#define MAX_HEAPS 64
#define NAME_LEN 256

/* 64 MiB: above the CMA pools of most boards, small enough for a 512 MiB board's system heap. */
static uint64_t max_size = 64ull << 20;

static const char *errno_name(int e)
{
	switch (e) {
	case ENOMEM: return "ENOMEM";
	case EINVAL: return "EINVAL";
	case ENOENT: return "ENOENT";
	case EACCES: return "EACCES";
	case EPERM: return "EPERM";
	case ENODEV: return "ENODEV";
	case ENOTTY: return "ENOTTY";
	case EBUSY: return "EBUSY";
	case EFAULT: return "EFAULT";
	case EINTR: return "EINTR";
	case EAGAIN: return "EAGAIN";
	case EMFILE: return "EMFILE";
	case ENFILE: return "ENFILE";
	case EOVERFLOW: return "EOVERFLOW";
	case ENOSPC: return "ENOSPC";
	case EIO: return "EIO";
	case EBADF: return "EBADF";
	default: return "E?";
	}
}

/* JSON string body: quotes, backslashes and control characters escaped (heap names are file names). */
static void json_string(const char *s)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The first number in a small file, or -1 if it cannot be read. */
static long long read_number(const char *dir, const char *name, const char *file)
{
	char path[3 * NAME_LEN];
	snprintf(path, sizeof(path), "%s/%.255s/%s", dir, name, file);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	long long value = -1;
	if (fscanf(f, "%lld", &value) != 1)
		value = -1;
	fclose(f);
	return value;
}

static long long meminfo_kib(const char *key)
{
	FILE *f = fopen("/proc/meminfo", "r");
	if (!f)
		return -1;
	char line[256];
	long long value = -1;
	size_t len = strlen(key);
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, key, len) == 0 && line[len] == ':') {
			value = strtoll(line + len + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return value;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* Directory entries (not "." or ".."), sorted so the output is stable; returns the count or -errno. */
static int list_dir(const char *dir, char names[][NAME_LEN], int max)
{
	DIR *d = opendir(dir);
	if (!d)
		return -errno;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < max) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(names[n++], NAME_LEN, "%s", e->d_name);
	}
	closedir(d);
	qsort(names, n, NAME_LEN, by_name);
	return n;
}

static void print_number_field(const char *key, long long value, int *first)
{
	if (value < 0)
		return;
	printf("%s\"%s\":%lld", *first ? "" : ",", key, value);
	*first = 0;
}

static void print_cma_areas(void)
{
	static char names[MAX_HEAPS][NAME_LEN];
	int n = list_dir(CMA_SYSFS, names, MAX_HEAPS);
	printf("\"cma_areas\":[");
	for (int i = 0; i < n; i++) {
		int first = 1;
		printf("%s{\"name\":", i ? "," : "");
		json_string(names[i]);
		printf(",\"sysfs\":{");
		print_number_field("alloc_pages_success", read_number(CMA_SYSFS, names[i], "alloc_pages_success"), &first);
		print_number_field("alloc_pages_fail", read_number(CMA_SYSFS, names[i], "alloc_pages_fail"), &first);
		print_number_field("release_pages_success", read_number(CMA_SYSFS, names[i], "release_pages_success"), &first);
		/* Linux 6.14 and later also say how big the area is and how much of it is free. */
		print_number_field("total_pages", read_number(CMA_SYSFS, names[i], "total_pages"), &first);
		print_number_field("available_pages", read_number(CMA_SYSFS, names[i], "available_pages"), &first);
		printf("},\"debugfs\":{");
		first = 1;
		print_number_field("base_pfn", read_number(CMA_DEBUGFS, names[i], "base_pfn"), &first);
		print_number_field("count", read_number(CMA_DEBUGFS, names[i], "count"), &first);
		print_number_field("used", read_number(CMA_DEBUGFS, names[i], "used"), &first);
		print_number_field("maxchunk", read_number(CMA_DEBUGFS, names[i], "maxchunk"), &first);
		printf("}}");
	}
	printf("]");
}

static void print_failure(const char *step, int err)
{
	printf(",\"ok\":false,\"failed_step\":\"%s\",\"errno\":\"%s\",\"error\":", step, errno_name(err));
	json_string(strerror(err));
}

static int sync_buffer(int fd, uint64_t flags)
{
	struct dma_buf_sync sync = { .flags = flags };
	int r;
	do {
		r = ioctl(fd, DMA_BUF_IOCTL_SYNC, &sync);
	} while (r < 0 && (errno == EINTR || errno == EAGAIN));
	return r;
}

/* A pattern that differs per word and per buffer, so stale or shared pages cannot pass the check. */
static uint32_t pattern(uint64_t size, uint64_t word)
{
	return (uint32_t)(word * 2654435761u) ^ (uint32_t)(size >> 12) ^ 0x5a5aa5a5u;
}

/* One rung of the ladder: prints its JSON object, returns 0 when every step succeeded. */
static int probe_size(int heap_fd, uint64_t size)
{
	printf("{\"size\":%" PRIu64, size);
	struct dma_heap_allocation_data alloc = {
		.len = size,
		.fd_flags = O_RDWR | O_CLOEXEC,
	};
	uint64_t t0 = now_ns();
	if (ioctl(heap_fd, DMA_HEAP_IOCTL_ALLOC, &alloc) < 0) {
		int err = errno;
		printf(",\"alloc_ns\":%" PRIu64, now_ns() - t0);
		print_failure("alloc", err);
		printf("}");
		return -1;
	}
	int buf = (int)alloc.fd;
	uint64_t t1 = now_ns();
	printf(",\"alloc_ns\":%" PRIu64, t1 - t0);
	if (size > SIZE_MAX) { /* a 32-bit process cannot map what a 64-bit kernel allocated */
		print_failure("mmap", EOVERFLOW);
		close(buf);
		printf("}");
		return -1;
	}

	uint32_t *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, buf, 0);
	uint64_t t2 = now_ns();
	if (map == MAP_FAILED) {
		int err = errno;
		print_failure("mmap", err);
		close(buf);
		printf("}");
		return -1;
	}
	printf(",\"mmap_ns\":%" PRIu64, t2 - t1);

	uint64_t words = size / sizeof(uint32_t);
	const char *failed = NULL;
	int err = 0;
	if (sync_buffer(buf, DMA_BUF_SYNC_START | DMA_BUF_SYNC_WRITE) < 0) {
		failed = "sync", err = errno;
	} else {
		for (uint64_t i = 0; i < words; i++)
			map[i] = pattern(size, i);
		if (sync_buffer(buf, DMA_BUF_SYNC_END | DMA_BUF_SYNC_WRITE) < 0)
			failed = "sync", err = errno;
	}
	uint64_t t3 = now_ns();
	if (!failed) {
		printf(",\"write_ns\":%" PRIu64, t3 - t2);
		if (sync_buffer(buf, DMA_BUF_SYNC_START | DMA_BUF_SYNC_READ) < 0) {
			failed = "sync", err = errno;
		} else {
			uint64_t bad = 0;
			for (uint64_t i = 0; i < words; i++)
				bad += map[i] != pattern(size, i);
			if (sync_buffer(buf, DMA_BUF_SYNC_END | DMA_BUF_SYNC_READ) < 0)
				failed = "sync", err = errno;
			else if (bad)
				printf(",\"mismatched_words\":%" PRIu64, bad), failed = "verify";
		}
	}
	uint64_t t4 = now_ns();
	if (!failed)
		printf(",\"verify_ns\":%" PRIu64, t4 - t3);
	munmap(map, size);
	close(buf);
	uint64_t t5 = now_ns();
	printf(",\"free_ns\":%" PRIu64, t5 - t4);
	if (failed) {
		if (strcmp(failed, "verify") == 0)
			printf(",\"ok\":false,\"failed_step\":\"verify\",\"error\":\"read back differs from what was written\"");
		else
			print_failure(failed, err);
		printf("}");
		return -1;
	}
	printf(",\"ok\":true}");
	return 0;
}

static uint64_t next_size(uint64_t size)
{
	return size < (1ull << 20) ? size * 16 : size * 4;
}

static void probe_heap(const char *name)
{
	char path[NAME_LEN + sizeof(HEAP_DIR) + 1];
	snprintf(path, sizeof(path), "%s/%.255s", HEAP_DIR, name);
	printf("{\"name\":");
	json_string(name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;
		printf(",\"open_errno\":\"%s\",\"open_error\":", errno_name(err));
		json_string(strerror(err));
		printf(",\"allocations\":[]}");
		return;
	}
	printf(",\"allocations\":[");
	int first = 1;
	/* size > previous: a --max near 2^64 must not wrap the ladder around to 0 */
	for (uint64_t size = 4096, previous = 0; size <= max_size && size > previous; previous = size, size = next_size(size)) {
		if (!first)
			putchar(',');
		first = 0;
		fflush(stdout);
		if (probe_size(fd, size) < 0)
			break;
	}
	printf("]}");
	close(fd);
}

static int usage(const char *why)
{
	fprintf(stderr, "carveout-heap-probe: %s\nusage: carveout-heap-probe [--max BYTES] [--heap NAME]...\n", why);
	return 2;
}

int main(int argc, char **argv)
{
	static char wanted[MAX_HEAPS][NAME_LEN];
	int nwanted = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--max") == 0 && i + 1 < argc) {
			char *end;
			errno = 0;
			max_size = strtoull(argv[++i], &end, 0);
			if (errno || *end || max_size < 4096)
				return usage("--max needs a number of bytes, at least 4096");
		} else if (strcmp(argv[i], "--heap") == 0 && i + 1 < argc && nwanted < MAX_HEAPS) {
			if (strchr(argv[++i], '/') || strlen(argv[i]) >= NAME_LEN)
				return usage("--heap needs a heap name, not a path");
			snprintf(wanted[nwanted++], NAME_LEN, "%s", argv[i]);
		} else {
			return usage("unknown argument");
		}
	}

	static char heaps[MAX_HEAPS][NAME_LEN];
	int n = list_dir(HEAP_DIR, heaps, MAX_HEAPS);
	struct utsname uts;
	uname(&uts);
	printf("{\"probe\":\"carveout-heap-probe\",\"format\":1,\"kernel_release\":");
	json_string(uts.release);
	printf(",\"machine\":");
	json_string(uts.machine);
	printf(",\"page_size\":%ld,\"max_size\":%" PRIu64, sysconf(_SC_PAGESIZE), max_size);
	int first = 0;
	print_number_field("cma_total_kib", meminfo_kib("CmaTotal"), &first);
	print_number_field("cma_free_kib", meminfo_kib("CmaFree"), &first);
	printf(",");
	print_cma_areas();
	if (n < 0) {
		printf(",\"heap_dir_errno\":\"%s\",\"heaps\":[]}\n", errno_name(-n));
		return 0;
	}
	printf(",\"heaps\":[");
	int printed = 0;
	for (int i = 0; i < n; i++) {
		int found = !nwanted;
		for (int w = 0; w < nwanted; w++)
			found |= strcmp(wanted[w], heaps[i]) == 0;
		if (!found)
			continue;
		if (printed++)
			putchar(',');
		probe_heap(heaps[i]);
	}
	printf("]}\n");
	return 0;
}

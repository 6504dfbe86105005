#!/usr/bin/env python3
"""Cross-check: `carveout check --format json` against an independent truth of the same boards.

The truth is what ../shared/corpus/make_truth.sh writes (dtc's DTBs decoded by another program, one JSON file per
board); this project never needs it to build or test. Usage:

    tests/corpus/compare-truth.py TRUTH_OUT KERNEL_TREE [OURS.jsonl]

TRUTH_OUT is make_truth.sh's output folder (with truth/<vendor>/<board>.json), KERNEL_TREE the kernel tree both
read. Without OURS.jsonl it runs `./carveout check --format json --kernel-tree KERNEL_TREE --all-boards arm64`.
Prints each disagreement (board, path, field, ours, truth) and how many boards agree field for field.
"""
import json
import os
import subprocess
import sys
from collections import Counter

REGION_FIELDS = ["path", "name", "unit_address", "labels", "status", "available", "compatible", "kind", "reg",
                 "size", "alignment", "alloc_ranges", "no_map", "reusable", "linux_cma_default",
                 "linux_dma_default", "is_cma"]


def ours_by_file(kernel, jsonl):
    if jsonl:
        lines = open(jsonl, encoding="utf-8").read().splitlines()
    else:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        run = subprocess.run([os.path.join(root, "carveout"), "check", "--format", "json", "--kernel-tree", kernel,
                              "--all-boards", "arm64"], capture_output=True, text=True)
        lines = run.stdout.splitlines()
    boards = {}
    for line in lines:
        if line.startswith("{"):
            board = json.loads(line)
            boards[os.path.realpath(board["file"])] = board
    return boards


def differences(ours, truth):
    """(path, field, ours, truth) for every field the two disagree on."""
    out = []
    root = truth["root"]
    for cells in ("#address-cells", "#size-cells"):
        if ours.get("root", {}).get(cells) != root[cells]:
            out.append(("/", cells, ours.get("root", {}).get(cells), root[cells]))
    if ours.get("memreserve") != truth["memreserve"]:
        out.append(("/memreserve/", "entries", ours.get("memreserve"), truth["memreserve"]))
    ours_memory = [(m["path"], m["reg"]) for m in ours.get("memory", [])]
    truth_memory = [(m["path"], m["reg"]) for m in truth["memory"]]
    if ours_memory != truth_memory:
        out.append(("/memory", "banks", ours_memory, truth_memory))
    t_rm, o_rm = truth["reserved_memory"], ours.get("reserved_memory")
    if (t_rm is None) != (o_rm is None):
        out.append(("/reserved-memory", "present", o_rm is not None, t_rm is not None))
        return out
    if t_rm is None:
        return out
    for cells in ("#address-cells", "#size-cells"):
        if o_rm.get(cells) != t_rm[cells] and not t_rm.get(cells.replace("#", "").replace("-", "_") + "_defaulted"):
            out.append((t_rm["path"], cells, o_rm.get(cells), t_rm[cells]))
    o_regions = {r["path"]: r for r in o_rm["regions"]}
    if [r["path"] for r in o_rm["regions"]] != [r["path"] for r in t_rm["regions"]]:
        out.append((t_rm["path"], "children", [r["path"] for r in o_rm["regions"]], [r["path"] for r in t_rm["regions"]]))
    for t in t_rm["regions"]:
        o = o_regions.get(t["path"])
        if o is None:
            continue
        for field in REGION_FIELDS:
            theirs, mine = t.get(field), o.get(field)
            if field == "labels" and theirs is not None and mine is not None and sorted(theirs) == sorted(mine):
                continue
            if mine != theirs:
                out.append((t["path"], field, mine, theirs))
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    truth_dir, kernel = sys.argv[1], os.path.realpath(sys.argv[2])
    ours = ours_by_file(kernel, sys.argv[3] if len(sys.argv) > 3 else None)
    agree, compared, by_field = 0, 0, Counter()
    for folder, _, files in sorted(os.walk(os.path.join(truth_dir, "truth"))):
        for name in sorted(files):
            truth = json.load(open(os.path.join(folder, name), encoding="utf-8"))
            if not truth["compile"]["ok"]:
                continue
            compared += 1
            mine = ours.get(os.path.realpath(os.path.join(kernel, truth["source"])))
            if mine is None:
                print(f"{truth['vendor']}/{truth['board']}: not checked by carveout")
                by_field["missing board"] += 1
                continue
            diffs = differences(mine, truth)
            if not diffs:
                agree += 1
            for path, field, o, t in diffs[:5]:
                print(f"{truth['vendor']}/{truth['board']}: {path} {field}: ours {o!r}, truth {t!r}")
            by_field.update(field for _, field, _, _ in diffs)
    print(f"compare-truth: {agree} of {compared} boards agree field for field with the truth files")
    for field, count in by_field.most_common():
        print(f"compare-truth:   {count} disagreements on {field}")
    return 0 if agree == compared else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Where the heap is at one massif snapshot, by the innermost claimcheck function on each path.

    valgrind --tool=massif --massif-out-file=massif.out ./target/release/claimcheck check ...
    scripts/massif-by-function.py massif.out          # the peak snapshot
    scripts/massif-by-function.py massif.out 42       # snapshot 42

ms_print shows allocation sites (mostly `alloc::raw_vec` and `String` internals); this sums
each site's bytes under the first claimcheck frame found walking up from it, which is the
question a memory change starts from: which of our data structures holds the memory.
"""
import collections
import re
import sys


def snapshots(lines):
    """(number, fields, index of the heap tree's first line) per detailed snapshot."""
    current = None
    for i, line in enumerate(lines):
        if line.startswith("snapshot="):
            current = {"n": int(line.split("=")[1])}
        elif current is not None and line.startswith("heap_tree="):
            current["kind"] = line.split("=")[1]
            yield current, i + 1
        elif current is not None and "=" in line and not line.startswith(" "):
            key, value = line.split("=", 1)
            current[key] = value


def main():
    sys.setrecursionlimit(100_000)
    lines = open(sys.argv[1]).read().split("\n")
    wanted = sys.argv[2] if len(sys.argv) > 2 else "peak"
    for snap, start in snapshots(lines):
        if (wanted == "peak" and snap["kind"] == "peak") or str(snap["n"]) == wanted:
            break
    else:
        sys.exit(f"no snapshot {wanted} with a heap tree")
    print(f"snapshot {snap['n']}: heap {int(snap['mem_heap_B']) / 1e6:.2f} MB, "
          f"allocator overhead {int(snap['mem_heap_extra_B']) / 1e6:.2f} MB")
    totals = collections.Counter()
    position = start

    def visit(owner):
        nonlocal position
        match = re.match(r"\s*n(\d+): (\d+) (.*)", lines[position])
        position += 1
        children, size, text = int(match.group(1)), int(match.group(2)), match.group(3)
        found = re.search(r"(claimcheck::[\w:]+)", text)
        if owner is None and found:
            owner = found.group(1)
            totals[owner] += size
        for _ in range(children):
            visit(owner)
        if children == 0 and owner is None:
            totals["(no claimcheck frame) " + text[:70]] += size

    visit(None)
    for owner, size in totals.most_common(25):
        print(f"{size / 1e6:8.2f} MB  {owner}")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Alternating loop: several claimcheck binaries and ripgrep, in turn, on one generated corpus.
#
#   scripts/ab.sh RUNS ARTICLES CLAIMS BINARY...
#   scripts/ab.sh 11 100000 64 /tmp/old/claimcheck target/release/claimcheck
#
# Each run times every binary (`check --format json`) then `rg -c -i -f cues.txt`, after one
# warm-up of each; prints the minimum and median wall time per command, in ms. On a shared host
# single runs vary by a third: only commands timed in the same loop can be compared. Build an
# older binary with `git worktree add /tmp/old REV && CARGO_TARGET_DIR=/tmp/old-target cargo
# build --release --manifest-path /tmp/old/Cargo.toml`. Corpora come from scripts/bench.sh
# (bench-data/nARTICLES-r10 and bench-data/claimsCLAIMS).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 4 ] || { sed -n '4,5p' "$0" >&2; exit 2; }
RUNS=$1 N=$2 K=$3
shift 3
CLAIMS=bench-data/claims$K/claims.toml CORPUS=bench-data/n$N-r10/corpus CUES=bench-data/claims$K/cues.txt
for f in "$CLAIMS" "$CORPUS" "$CUES"; do
    [ -e "$f" ] || { echo "$f missing: run scripts/bench.sh \"$N\" \"$K\" 1 first" >&2; exit 2; }
done
command -v rg >/dev/null || { echo "ripgrep missing: apt-get install -y ripgrep" >&2; exit 2; }
# A command that fails would be timed as a fast run: only 0 and 1 (claimcheck's "the sources
# differ") are runs; anything else stops the loop.
ms() {
    local start status=0
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || status=$?
    if [ "$status" -gt 1 ]; then
        echo "$1 exited with $status" >&2
        exit 2
    fi
    echo $((($(date +%s%N) - start) / 1000000))
}
declare -A times
commands=("$@" rg)
run() {
    if [ "$1" = rg ]; then ms rg -c -i -f "$CUES" "$CORPUS"; else ms "$1" check --claims "$CLAIMS" --corpus "$CORPUS" --format json; fi
}
for c in "${commands[@]}"; do run "$c" >/dev/null; done
for _ in $(seq "$RUNS"); do
    for c in "${commands[@]}"; do
        t=$(run "$c")
        times[$c]+="$t "
    done
done
for c in "${commands[@]}"; do
    printf '%s: ' "$c"
    tr ' ' '\n' <<<"${times[$c]}" | grep . | sort -n |
        awk '{a[NR] = $1} END {printf "min %d ms, median %d ms\n", a[1], a[int((NR + 1) / 2)]}'
done

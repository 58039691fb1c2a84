#!/usr/bin/env bash
# Whole-run benchmarks: claimcheck against ripgrep's scan for the same cues, on generated corpora.
#
#   scripts/bench.sh [SIZES] [CLAIMS] [RUNS]
#   scripts/bench.sh "1000 10000" "4 16 64" 5
#
# For each corpus size (articles) and number of claims, runs `claimcheck check --format json` and
# `rg -c -i -f cues.txt` alternately RUNS times (after one warm-up of each, so both read from the
# page cache), and prints one Markdown row: medians, their ratio, MB/s, articles/s and the peak
# resident memory of claimcheck (/usr/bin/time -v). Interleaving matters on a shared machine: both
# tools see the same load, so the ratio means more than either time.
#
# Corpora go to bench-data/ (gitignored); each size is generated once and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${1:-"1000 10000"}
CLAIMS=${2:-"4 16 64"}
RUNS=${3:-5}
# Percent of articles about a tracked story: a monitoring desk reads mostly other news.
RELEVANT=${RELEVANT:-10}
DATA=bench-data
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}

command -v rg >/dev/null || { echo "ripgrep missing: apt-get install -y ripgrep" >&2; exit 2; }
cargo build --release --quiet --bin claimcheck --example gen_corpus
BIN=$CARGO_TARGET_DIR/release/claimcheck
GEN=$CARGO_TARGET_DIR/release/examples/gen_corpus

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Seconds (to the millisecond: /usr/bin/time's own figure is in hundredths) and peak RSS (KB) of
# one command, output discarded.
measure() {
    local log start end
    log=$(mktemp)
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$log" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    awk -v ns=$((end - start)) -v kb="$(tail -n 1 "$log")" 'BEGIN { printf "%.3f %s\n", ns / 1e9, kb }'
    rm -f "$log"
}

echo "| articles | claims | MB | claimcheck s | rg s | ratio | MB/s | articles/s | peak RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
    dir=$DATA/n$n-r$RELEVANT
    if [ ! -f "$dir/expected.json" ]; then
        "$GEN" --articles "$n" --claims 64 --seed 1 --relevant "$RELEVANT" --out "$dir" >/dev/null
    fi
    mb=$(du -sm --apparent-size "$dir/corpus" | cut -f1)
    for k in $CLAIMS; do
        kdir=$DATA/claims$k
        [ -f "$kdir/claims.toml" ] || "$GEN" --articles 0 --claims "$k" --out "$kdir" >/dev/null
        cc=("$BIN" check --claims "$kdir/claims.toml" --corpus "$dir/corpus" --format json)
        rgc=(rg -c -i -f "$kdir/cues.txt" "$dir/corpus")
        measure "${cc[@]}" >/dev/null
        measure "${rgc[@]}" >/dev/null
        cc_times=() rg_times=() rss=()
        for _ in $(seq "$RUNS"); do
            read -r t m < <(measure "${cc[@]}")
            cc_times+=("$t") rss+=("$m")
            read -r t _ < <(measure "${rgc[@]}")
            rg_times+=("$t")
        done
        c=$(printf '%s\n' "${cc_times[@]}" | median)
        r=$(printf '%s\n' "${rg_times[@]}" | median)
        m=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
        awk -v n="$n" -v k="$k" -v mb="$mb" -v c="$c" -v r="$r" -v m="$m" 'BEGIN {
            printf "| %d | %d | %d | %.3f | %.3f | %.1fx | %.0f | %.0f | %.1f |\n",
                n, k, mb, c, r, (r > 0 ? c / r : 0), (c > 0 ? mb / c : 0), (c > 0 ? n / c : 0), m / 1024
        }'
    done
done

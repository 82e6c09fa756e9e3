#!/usr/bin/env bash
# Reproducible benchmark of `assure render --format svg` (whole process: load,
# layout of every view, SVG writing) on generated one-file cases, with the size
# of the resulting complete-view diagram. Usage: bench/render.sh (see bench/README.md).
#
# Environment: SIZES="1000 10000 100000", SEED=1, RUNS=3, SKIP_BUILD=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-1000 10000 100000}"
SEED="${SEED:-1}"
RUNS="${RUNS:-3}"
ASSURE="$root/target/release/assure"
OUT="$root/bench/out"
[[ "${SKIP_BUILD:-0}" == 1 ]] || cargo build --release >&2
mkdir -p "$OUT"
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
echo "Machine: $(uname -srm); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty'); median of $RUNS runs; SVG of every view (module view, complete view, architecture view)."
echo
echo "| elements | median wall time | peak RSS (MiB) | complete view width × height (units) | aspect |"
echo "|---:|---:|---:|---:|---:|"
for n in $SIZES; do
    dir="$OUT/render-$n"
    rm -rf "$dir" && mkdir -p "$dir"
    "$ASSURE" gen --elements "$n" --seed "$SEED" -o "$dir/case" >&2
    times=(); rss=()
    for ((i = 1; i <= RUNS; i++)); do
        rm -rf "$dir/svg"
        t0="$EPOCHREALTIME"
        /usr/bin/time -o "$dir/time" -f '%M' "$ASSURE" render "$dir/case/index.gsn.yaml" -o "$dir/svg" --format svg >/dev/null
        t1="$EPOCHREALTIME"
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
        rss+=("$(tail -n 1 "$dir/time")")
    done
    "$ASSURE" render "$dir/case/index.gsn.yaml" -o "$dir/json" --format layout-json >/dev/null
    read -r w h < <(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(round(d['width']), round(d['height']))" "$dir/json/complete.layout.json")
    t="$(printf '%s\n' "${times[@]}" | median)"
    m="$(printf '%s\n' "${rss[@]}" | median)"
    printf '| %s | %s | %.1f | %s × %s | %.1f |\n' "$n" \
        "$(awk -v s="$t" 'BEGIN { if (s < 1) printf "%.0f ms", s * 1000; else printf "%.2f s", s }')" \
        "$(awk -v k="$m" 'BEGIN { print k / 1024 }')" "$w" "$h" "$(awk -v w="$w" -v h="$h" 'BEGIN { print w / h }')"
done

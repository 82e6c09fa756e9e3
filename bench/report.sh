#!/usr/bin/env bash
# Reproducible benchmark of `assure report` (whole process: load, check, layout
# of every view, report writing) on generated cases with one module per 1,000
# elements, and of opening the HTML report in headless Chromium (time until the
# page's script has run, then a search that lands on an element in its
# diagram). Usage: bench/report.sh (see bench/README.md).
#
# Environment: SIZES="1000 10000 100000", SEED=1, RUNS=3, SKIP_BUILD=1,
# BROWSER_SIZES="1000 10000" (needs /usr/bin/chromium and `npm ci` in tests/browser).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-1000 10000 100000}"
BROWSER_SIZES="${BROWSER_SIZES:-1000 10000}"
SEED="${SEED:-1}"
RUNS="${RUNS:-3}"
ASSURE="$root/target/release/assure"
OUT="$root/bench/out"
[[ "${SKIP_BUILD:-0}" == 1 ]] || cargo build --release >&2
mkdir -p "$OUT"
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
fmt_s() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.0f ms", s * 1000; else printf "%.2f s", s }'; }
echo "Machine: $(uname -srm); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty'); median of $RUNS runs."
echo
echo "| elements | modules | HTML: wall time | peak RSS (MiB) | HTML size (MB) | Markdown: wall time | MD + SVG size (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
    m=$(( n / 1000 )); (( m >= 1 )) || m=1
    dir="$OUT/report-$n"
    rm -rf "$dir" && mkdir -p "$dir"
    "$ASSURE" gen --elements "$n" --modules "$m" --seed "$SEED" -o "$dir/case" >&2
    times=(); rss=(); mdtimes=()
    for ((i = 1; i <= RUNS; i++)); do
        t0="$EPOCHREALTIME"
        /usr/bin/time -o "$dir/time" -f '%M' "$ASSURE" report "$dir/case" -o "$dir/report.html" >/dev/null
        t1="$EPOCHREALTIME"
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
        rss+=("$(tail -n 1 "$dir/time")")
        rm -rf "$dir/md" && mkdir -p "$dir/md"
        t0="$EPOCHREALTIME"
        "$ASSURE" report "$dir/case" --format md -o "$dir/md/report.md" >/dev/null
        t1="$EPOCHREALTIME"
        mdtimes+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
    done
    t="$(printf '%s\n' "${times[@]}" | median)"
    r="$(printf '%s\n' "${rss[@]}" | median)"
    mt="$(printf '%s\n' "${mdtimes[@]}" | median)"
    hs=$(stat -c %s "$dir/report.html")
    ms=$(du -sb "$dir/md" | cut -f1)
    printf '| %s | %s | %s | %.0f | %.1f | %s | %.1f |\n' "$n" "$m" "$(fmt_s "$t")" \
        "$(awk -v k="$r" 'BEGIN { print k / 1024 }')" "$(awk -v b="$hs" 'BEGIN { print b / 1e6 }')" \
        "$(fmt_s "$mt")" "$(awk -v b="$ms" 'BEGIN { print b / 1e6 }')"
done

if [[ -x /usr/bin/chromium && -d tests/browser/node_modules/playwright-core ]]; then
    echo
    echo "| elements | open in Chromium (until ready) | search an id and land on it | filter the elements register |"
    echo "|---:|---:|---:|---:|"
    for n in $BROWSER_SIZES; do
        f="$OUT/report-$n/report.html"
        [[ -f "$f" ]] || continue
        (cd tests/browser && node ../../bench/report-browser.mjs "$f" "$RUNS")
        # The same size as one module: a single diagram of n elements.
        one="$OUT/report-$n-1m"
        rm -rf "$one" && mkdir -p "$one"
        "$ASSURE" gen --elements "$n" --modules 1 --seed "$SEED" -o "$one/case" >&2
        "$ASSURE" report "$one/case" -o "$one/report.html" >/dev/null
        (cd tests/browser && node ../../bench/report-browser.mjs "$one/report.html" "$RUNS" | sed 's/^| \([0-9]*\) |/| \1 (one module) |/')
    done
else
    echo
    echo "(browser timings skipped: needs /usr/bin/chromium and npm ci in tests/browser)"
fi

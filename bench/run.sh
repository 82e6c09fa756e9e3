#!/usr/bin/env bash
# Reproducible benchmark of `assure check` on generated single-file cases.
#
# Usage: bench/run.sh            (from anywhere; see bench/README.md)
#
# Environment (all optional):
#   SIZES="1000 10000 100000 1000000"  element counts to measure
#   SEED=1                             generator seed
#   RUNS_SMALL=5                       timed runs for sizes <= 100,000
#   RUNS_LARGE=3                       timed runs for larger sizes
#   SKIP_BUILD=1                       use the existing target/release/assure
#
# Output: a Markdown table on stdout, also saved to bench/out/results.md.
# Generated cases are kept in bench/out/<N>/ (git-ignored).

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

SIZES="${SIZES:-1000 10000 100000 1000000}"
SEED="${SEED:-1}"
RUNS_SMALL="${RUNS_SMALL:-5}"
RUNS_LARGE="${RUNS_LARGE:-3}"
TIME_BIN=/usr/bin/time
ASSURE="$root/target/release/assure"
OUT="$root/bench/out"

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

[[ -x "$TIME_BIN" ]] || die "$TIME_BIN (GNU time) is required: apt-get install time"
"$TIME_BIN" -f '%e %M' true >/dev/null 2>&1 || die "$TIME_BIN does not accept -f (not GNU time?)"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building: cargo build --release"
    cargo build --release >&2
fi
[[ -x "$ASSURE" ]] || die "$ASSURE not found (build failed or SKIP_BUILD=1 without a build)"

mkdir -p "$OUT"

# Wall-clock time in seconds with microseconds, or empty when bash lacks
# EPOCHREALTIME (bash < 5); /usr/bin/time's %e (10 ms resolution) is used then.
now() { printf '%s' "${EPOCHREALTIME:-}"; }

# Median of the numbers on stdin (lower middle for an even count).
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# Formats seconds as "12.3 ms" or "1.23 s".
fmt_time() {
    awk -v s="$1" 'BEGIN {
        if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'
}

# 1234567 -> 1,234,567
group() { sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"; }

file_size() { stat -c %s "$1" 2>/dev/null || wc -c <"$1"; }

# Reference numbers for gsn2x 4.3.2: check only, one file, measured on the
# development machine (see bench/README.md).
gsn2x_ref() {
    case "$1" in
        1000) echo "10 ms" ;;
        10000) echo "138 ms" ;;
        30000) echo "0.95 s" ;;
        *) if (($1 >= 34000)); then echo "fails (parser limit)"; else echo "–"; fi ;;
    esac
}

# Target for `assure check` at this size (see bench/README.md).
target() {
    case "$1" in
        10000) echo "< 50 ms" ;;
        100000) echo "< 0.5 s" ;;
        1000000) echo "< 10 s, < 2 GiB" ;;
        *) echo "–" ;;
    esac
}

{
    echo "Machine: $(uname -srm); $(nproc 2>/dev/null || echo '?') CPUs;" \
        "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo 'unknown CPU');" \
        "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') at start"
    echo "Toolchain: $(rustc --version 2>/dev/null || echo 'rustc ?');" \
        "assure $("$ASSURE" --version 2>/dev/null | awk '{ print $NF }');" \
        "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo '+dirty')"
    echo "Cases: \`assure gen --elements N --seed $SEED\` (one file); hot page cache;" \
        "median of $RUNS_SMALL runs (N <= 100,000) or $RUNS_LARGE runs (larger N)."
    echo
} >"$OUT/results.md"

rows=()
prev_n=""
prev_t=""
for n in $SIZES; do
    dir="$OUT/$n"
    rm -rf "$dir"
    log "generating $n elements -> ${dir#"$root"/}"
    g0="$(now)"
    "$ASSURE" gen --elements "$n" --seed "$SEED" -o "$dir" >&2
    g1="$(now)"
    case_file="$dir/index.gsn.yaml"
    [[ -f "$case_file" ]] || die "assure gen did not write $case_file"
    [[ -n "$g0" ]] && log "  generated in $(fmt_time "$(awk -v a="$g0" -v b="$g1" 'BEGIN { print b - a }')")"
    size_mib="$(awk -v b="$(file_size "$case_file")" 'BEGIN { printf "%.2f", b / 1048576 }')"

    runs=$RUNS_SMALL
    ((n > 100000)) && runs=$RUNS_LARGE
    times=()
    rss=()
    statuses=()
    for ((i = 1; i <= runs; i++)); do
        tfile="$dir/time.$i"
        status=0
        t0="$(now)"
        "$TIME_BIN" -o "$tfile" -f '%e %M' "$ASSURE" check "$case_file" >"$dir/check.$i.log" 2>&1 || status=$?
        t1="$(now)"
        # GNU time prefixes "Command exited with non-zero status N" on failure;
        # the measurement is on the last line.
        read -r e_secs max_kb < <(tail -n 1 "$tfile")
        if [[ -n "$t0" ]]; then
            wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')"
        else
            wall="$e_secs"
        fi
        times+=("$wall")
        rss+=("$max_kb")
        statuses+=("$status")
        log "  run $i/$runs: $(fmt_time "$wall"), $((max_kb / 1024)) MiB, exit $status"
    done

    med_t="$(printf '%s\n' "${times[@]}" | median)"
    med_kb="$(printf '%s\n' "${rss[@]}" | median)"
    max_kb="$(printf '%s\n' "${rss[@]}" | sort -g | tail -n 1)"
    rss_mib="$(awk -v k="$med_kb" -v m="$max_kb" 'BEGIN { printf "%.1f (max %.1f)", k / 1024, m / 1024 }')"
    uniq_status="$(printf '%s\n' "${statuses[@]}" | sort -u | paste -sd, -)"
    if [[ -n "$prev_n" ]]; then
        growth="$(awk -v t="$med_t" -v p="$prev_t" -v n="$n" -v pn="$prev_n" \
            'BEGIN { if (p > 0) printf "%.1fx for %gx", t / p, n / pn; else print "–" }')"
    else
        growth="–"
    fi
    rows+=("| $(group "$n") | $size_mib | $(fmt_time "$med_t") | $rss_mib | $uniq_status | $growth | $(target "$n") | $(gsn2x_ref "$n") |")
    prev_n="$n"
    prev_t="$med_t"
done

{
    echo "| elements | file size (MiB) | median wall time | peak RSS (MiB), median | exit status | time growth | target | gsn2x 4.3.2 |"
    echo "|---:|---:|---:|---:|:---:|---:|---|---|"
    printf '%s\n' "${rows[@]}"
} >>"$OUT/results.md"

cat "$OUT/results.md"
log "saved to ${OUT#"$root"/}/results.md"

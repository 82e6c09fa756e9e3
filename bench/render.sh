#!/usr/bin/env bash
# Reproducible benchmark of `assure render --format svg` (whole process: load,
# layout of every view, SVG writing) on generated cases (one file a module), with the size
# of the resulting complete-view diagram and of the module view with the
# largest aspect ratio.
# Usage: bench/render.sh (see bench/README.md).
#
# Environment: SIZES="1000 10000 100000", MODULES="1 10" (modules of the
# generated cases), SEED=1, RUNS=3, SKIP_BUILD=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-1000 10000 100000}"
MODULES="${MODULES:-1 10}"
SEED="${SEED:-1}"
RUNS="${RUNS:-3}"
ASSURE="$root/target/release/assure"
OUT="$root/bench/out"
[[ "${SKIP_BUILD:-0}" == 1 ]] || cargo build --release >&2
mkdir -p "$OUT"
fmt() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.0f ms", s * 1000; else printf "%.2f s", s }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
echo "Machine: $(uname -srm); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty'); median of $RUNS runs; SVG of every view (each module view, complete view, architecture view)."
echo
echo "| elements | modules | median wall time | median CPU time (user + sys) | peak RSS (MiB) | complete view width × height (units) | aspect | most elongated module view width × height (units) | aspect |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
size() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(round(d['width']), round(d['height']))" "$1"; }
for mods in $MODULES; do
for n in $SIZES; do
    dir="$OUT/render-$n-$mods"
    rm -rf "$dir" && mkdir -p "$dir"
    "$ASSURE" gen --elements "$n" --modules "$mods" --seed "$SEED" -o "$dir/case" >&2
    times=(); rss=(); cpu=()
    for ((i = 1; i <= RUNS; i++)); do
        rm -rf "$dir/svg"
        t0="$EPOCHREALTIME"
        /usr/bin/time -o "$dir/time" -f '%M %U %S' "$ASSURE" render "$dir/case/index.gsn.yaml" -o "$dir/svg" --format svg >/dev/null
        t1="$EPOCHREALTIME"
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
        read -r k u sy < <(tail -n 1 "$dir/time")
        rss+=("$k")
        cpu+=("$(awk -v u="$u" -v s="$sy" 'BEGIN { printf "%.2f", u + s }')")
    done
    "$ASSURE" render "$dir/case/index.gsn.yaml" -o "$dir/json" --format layout-json >/dev/null
    read -r w h < <(size "$dir/json/complete.layout.json")
    # The module view with the largest aspect ratio (width / height).
    mw=0; mh=1
    for f in "$dir"/json/*.layout.json; do
        case "$(basename "$f")" in complete.layout.json | architecture.layout.json) continue ;; esac
        read -r a b < <(size "$f")
        if ((a * mh > mw * b)); then mw=$a; mh=$b; fi
    done
    t="$(printf '%s\n' "${times[@]}" | median)"
    m="$(printf '%s\n' "${rss[@]}" | median)"
    c="$(printf '%s\n' "${cpu[@]}" | median)"
    printf '| %s | %s | %s | %s | %.1f | %s × %s | %.1f | %s × %s | %.1f |\n' "$n" "$mods" \
        "$(fmt "$t")" "$(fmt "$c")" \
        "$(awk -v k="$m" 'BEGIN { print k / 1024 }')" "$w" "$h" "$(awk -v w="$w" -v h="$h" 'BEGIN { print w / h }')" \
        "$mw" "$mh" "$(awk -v w="$mw" -v h="$mh" 'BEGIN { print w / h }')"
done
done

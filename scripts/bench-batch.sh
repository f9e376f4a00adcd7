#!/usr/bin/env bash
# The batch benchmark: `rolefit batch` over a generated folder of resumes,
# against ripgrep (a lower bound: literal search, no analysis) and a plain
# Python script (scripts/baseline.py) doing the same work, in one run.
#
#   scripts/bench-batch.sh [COUNT]        # default 10000 resumes (~55 MB of plain text)
#
# Environment:
#   KEYWORDS=DIR   keyword sets for all three (default: keywords/, the built-ins)
#   CORPUS=DIR     where the corpus goes (default: target/bench-corpus-COUNT)
#   EXT=md         write the resumes as .md, so rolefit parses them as Markdown
#                  (default txt: plain text, as ripgrep and the baseline read them)
#   RUNS=N         timed runs of each rolefit and ripgrep command, taken in
#                  turns, the best is kept (default 5: a run takes under a second)
#   PY_RUNS=N      timed runs of the Python baseline, spread over those rounds,
#                  the best is kept (default 2: a run takes 10-15 s); best
#                  against best, so neither side gains from a lucky or unlucky
#                  moment of a shared machine
#   BIG=1          also measure peak memory over 100,000 resumes (~550 MB of disk)
#
# It reports and never fails on a figure: timings move with the machine's load,
# so it prints the load average next to them.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${1:-10000}
KEYWORDS=${KEYWORDS:-keywords}
EXT=${EXT:-txt}
CORPUS=${CORPUS:-target/bench-corpus-$COUNT-$EXT}
RUNS=${RUNS:-5}
PY_RUNS=${PY_RUNS:-2}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
ROLEFIT=$TARGET_DIR/release/rolefit
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [[ ! -x /usr/bin/time ]]; then
    echo "GNU time is needed for peak memory: apt-get install -y time" >&2
    exit 2
fi

echo "== building (release)"
cargo build --release --quiet --bin rolefit --example gen_corpus

corpus() { # DIR COUNT
    if [[ ! -f $1/.complete ]] || [[ $(cat "$1/.complete") != "$2 $EXT" ]]; then
        rm -rf "$1"
        "$TARGET_DIR/release/examples/gen_corpus" "$1" "$2" 42 "$EXT" >/dev/null
        echo "$2 $EXT" >"$1/.complete"
    fi
}
corpus "$CORPUS" "$COUNT"
BYTES=$(find "$CORPUS" -type f ! -name '.*' -printf '%s\n' | awk '{s += $1} END {print s}')
MB=$(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b / 1e6}')

now() { date +%s%N; }
# measure LABEL CMD...: runs CMD once (stdout to /dev/null) and notes its wall
# time in microseconds and its max RSS in KB under LABEL.
measure() {
    local label=$1 start end
    shift
    start=$(now)
    /usr/bin/time -f '%M' -o "$WORK/rss" "$@" >/dev/null 2>"$WORK/stderr" || true
    end=$(now)
    echo "$(((end - start) / 1000)) $(tail -n 1 "$WORK/rss")" >>"$WORK/$label.times"
}
# best LABEL: the best wall time noted under LABEL, in seconds, and the largest
# max RSS, in MB.
best() {
    sort -n "$WORK/$1.times" | awk 'NR == 1 {t = $1} $2 > r {r = $2} END {printf "%.3f %.1f\n", t / 1e6, r / 1024}'
}
# best_of CMD...: runs CMD RUNS times; prints what `best` does.
best_of() {
    local label=run$RANDOM
    for _ in $(seq "$RUNS"); do
        measure "$label" "$@"
    done
    best "$label"
}

# The terms, for ripgrep: every name and alias of every set, one a line.
python3 - "$KEYWORDS" >"$WORK/terms.txt" <<'EOF'
import glob, os, sys, tomllib
terms = set()
for path in glob.glob(os.path.join(sys.argv[1], "*.toml")):
    with open(path, "rb") as f:
        for term in tomllib.load(f).get("term", []):
            terms.update([term["name"], *term.get("aliases", [])])
print("\n".join(sorted(terms)))
EOF

SETS=(--no-config --no-builtin --keywords "$KEYWORDS")
echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) threads"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $COUNT resumes (.$EXT), $MB MB in $CORPUS; $(wc -l <"$WORK/terms.txt") terms from $KEYWORDS"
"$ROLEFIT" "${SETS[@]}" batch "$CORPUS" --format csv >/dev/null 2>&1 || true # warm the page cache

HAVE_RG=$(command -v rg >/dev/null && echo 1 || echo 0)
HAVE_PY=$(python3 -c 'import Stemmer' 2>/dev/null && echo 1 || echo 0)
echo "== runs (best of $RUNS unless said, taken in turns; wall seconds, peak RSS)"
# In turns, one run of each command a round, so that no command gets all the
# machine's good or bad moments; the Python runs spread over the rounds.
PY_EVERY=$(((RUNS + PY_RUNS - 1) / PY_RUNS))
for round in $(seq "$RUNS"); do
    if ((HAVE_PY && (round - 1) % PY_EVERY == 0)); then
        measure python python3 scripts/baseline.py "$KEYWORDS" "$CORPUS"
    fi
    measure jsonl "$ROLEFIT" "${SETS[@]}" batch "$CORPUS" --format jsonl
    measure csv "$ROLEFIT" "${SETS[@]}" batch "$CORPUS" --format csv
    measure table "$ROLEFIT" "${SETS[@]}" batch "$CORPUS"
    measure one "$ROLEFIT" "${SETS[@]}" batch "$CORPUS" --format jsonl --jobs 1
    if ((HAVE_RG)); then
        measure rg rg -c -i -F -f "$WORK/terms.txt" "$CORPUS"
    fi
done
read -r T_JSONL RSS_JSONL < <(best jsonl)
read -r T_CSV RSS_CSV < <(best csv)
read -r T_TABLE RSS_TABLE < <(best table)
read -r T_ONE RSS_ONE < <(best one)
printf '%-44s %7.3f s %7.0f MB/s %7.1f MB RSS\n' \
    "rolefit batch --format jsonl" "$T_JSONL" "$(awk -v m="$MB" -v t="$T_JSONL" 'BEGIN {print m / t}')" "$RSS_JSONL" \
    "rolefit batch --format csv" "$T_CSV" "$(awk -v m="$MB" -v t="$T_CSV" 'BEGIN {print m / t}')" "$RSS_CSV" \
    "rolefit batch (ranked table)" "$T_TABLE" "$(awk -v m="$MB" -v t="$T_TABLE" 'BEGIN {print m / t}')" "$RSS_TABLE" \
    "rolefit batch --format jsonl --jobs 1" "$T_ONE" "$(awk -v m="$MB" -v t="$T_ONE" 'BEGIN {print m / t}')" "$RSS_ONE"

T_RG=""
if ((HAVE_RG)); then
    read -r T_RG _ < <(best rg)
    printf '%-44s %7.3f s %7.0f MB/s\n' "rg -c -i -F -f terms.txt" "$T_RG" \
        "$(awk -v m="$MB" -v t="$T_RG" 'BEGIN {print m / t}')"
else
    echo "ripgrep is not installed (apt-get install -y ripgrep): skipping the rg comparison"
fi

T_PY=""
if ((HAVE_PY)); then
    read -r T_PY _ < <(best python)
    printf '%-44s %7.3f s %7.1f MB/s\n' "python3 scripts/baseline.py (best of $(wc -l <"$WORK/python.times"))" "$T_PY" \
        "$(awk -v m="$MB" -v t="$T_PY" 'BEGIN {print m / t}')"
else
    echo "PyStemmer is not installed (pip install PyStemmer): skipping the Python baseline"
fi

echo "== rolefit score on one resume (start-up included; best and median of 20)"
ONE=$(find "$CORPUS" -name "*.$EXT" | sort | sed -n 1p)
python3 - "$ROLEFIT" "${SETS[@]}" score "$ONE" <<'EOF'
import subprocess, sys, time
times = []
for _ in range(20):
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"best {times[0]:.1f} ms, median {times[len(times) // 2]:.1f} ms")
EOF

if [[ ${BIG:-0} == 1 ]]; then
    echo "== peak memory over 100,000 resumes"
    corpus "$CORPUS-100k" 100000
    "$ROLEFIT" "${SETS[@]}" batch "$CORPUS-100k" --format csv >/dev/null 2>&1 || true # warm the page cache
    read -r T_BIG RSS_BIG < <(RUNS=1 best_of "$ROLEFIT" "${SETS[@]}" batch "$CORPUS-100k" --format jsonl)
    read -r T_BIGT RSS_BIGT < <(RUNS=1 best_of "$ROLEFIT" "${SETS[@]}" batch "$CORPUS-100k" --top 20)
    printf '%-44s %7.3f s %7.1f MB RSS\n' "100k: rolefit batch --format jsonl" "$T_BIG" "$RSS_BIG" \
        "100k: rolefit batch --top 20" "$T_BIGT" "$RSS_BIGT"
fi

echo "== summary"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rolefit batch (jsonl): $(awk -v m="$MB" -v t="$T_JSONL" 'BEGIN {printf "%.0f", m / t}') MB/s, peak RSS $RSS_JSONL MB"
if [[ -n $T_PY ]]; then
    echo "vs Python baseline: $(awk -v p="$T_PY" -v t="$T_JSONL" 'BEGIN {printf "%.1f", p / t}') times the throughput (goal: at least 30)"
fi
if [[ -n $T_RG ]]; then
    echo "vs ripgrep: $(awk -v r="$T_RG" -v t="$T_JSONL" 'BEGIN {printf "%.2f", t / r}') times its time (goal: at most 3)"
fi

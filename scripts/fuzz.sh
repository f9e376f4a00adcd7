#!/usr/bin/env bash
# Fuzzing: runs each cargo-fuzz target of fuzz/ for SECONDS, seeded from
# fixtures/, and prints per target the executions, the time and what it found.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default 60 s, every target
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain
# (`cargo +nightly`); without nightly it tries the stable toolchain with
# RUSTC_BOOTSTRAP=1, which lets cargo-fuzz's -Z flags through. It says
# plainly when neither works and exits 3.
#
# Each target runs in libFuzzer's fork mode with crashes, timeouts and
# out-of-memory inputs recorded and passed over, so it runs its whole time
# and reports everything it finds rather than stopping at the first.
#
# Environment:
#   FUZZ_JOBS=N      targets fuzzed at once (default 1; each takes one core)
#   FUZZ_RSS_MB=N    memory one input may take, in MB (default 2048)
#   FUZZ_TIMEOUT=N   seconds one input may take (default 30; the PDF time
#                    budget is 20 s)
#   FUZZ_TARGET_DIR  where the targets are built (default
#                    ~/.cache/rolefit-fuzz-target, shared by every checkout, so
#                    that a fresh clone, as in CI, rebuilds rolefit but not
#                    every dependency with the sanitizer: that takes 10 to 40
#                    minutes on 2 cores)
#
# Corpora grow in fuzz/corpus/TARGET, findings go to fuzz/artifacts/TARGET
# (both ignored by git); logs to fuzz/logs/TARGET.log.
# Exit code: 0 nothing found, 1 something found, 2 usage, 3 cannot fuzz here.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${1:-60}
shift || true
if ! [[ $SECONDS_EACH =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
    exit 2
fi
JOBS=${FUZZ_JOBS:-1}
RSS_MB=${FUZZ_RSS_MB:-2048}
TIMEOUT=${FUZZ_TIMEOUT:-30}
TARGET_DIR=${FUZZ_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/rolefit-fuzz-target}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: cargo-fuzz is not installed (cargo install cargo-fuzz): not fuzzing"
    exit 3
fi
# The toolchain: nightly if there is one, else stable with RUSTC_BOOTSTRAP=1.
if cargo +nightly --version >/dev/null 2>&1; then
    FUZZ=(cargo +nightly fuzz)
    how="nightly toolchain"
else
    export RUSTC_BOOTSTRAP=1
    FUZZ=(cargo fuzz)
    how="stable toolchain with RUSTC_BOOTSTRAP=1"
fi
cd fuzz
if [[ $# -gt 0 ]]; then
    TARGETS=("$@")
else
    mapfile -t TARGETS < <("${FUZZ[@]}" list)
fi
echo "fuzz: building ${#TARGETS[@]} targets ($how)"
mkdir -p logs
if ! "${FUZZ[@]}" build -O --target-dir "$TARGET_DIR" >logs/build.log 2>&1; then
    tail -n 20 logs/build.log
    echo "fuzz: the targets do not build with the $how: not fuzzing"
    exit 3
fi

# seeds TARGET: the fixtures a target starts from.
seeds() {
    case $1 in
    read_pdf) find ../fixtures -name '*.pdf' ;;
    read_docx) find ../fixtures -name '*.docx' ;;
    read_odt) find ../fixtures -name '*.odt' ;;
    read_html) find ../fixtures -name '*.htm*' ;;
    read_rtf) find ../fixtures -name '*.rtf' ;;
    read_latex) find ../fixtures -name '*.tex' ;;
    read_json_resume) find ../fixtures -name '*.json' ;;
    read_markdown) find ../fixtures -name '*.md' ;;
    read_text | pipeline) find ../fixtures -name '*.txt' -o -name '*.md' ;;
    keyword_set) find ../keywords ../fixtures/keywords -name '*.toml' ;;
    config) find ../fixtures -name 'rolefit.toml' ;;
    esac
}

# fuzz_one TARGET: fuzzes it for SECONDS_EACH, then prints its line.
fuzz_one() {
    local target=$1 log=logs/$1.log
    mkdir -p "corpus/$target" "artifacts/$target" logs
    seeds "$target" | while read -r seed; do cp -n "$seed" "corpus/$target/" 2>/dev/null || true; done
    local before after
    before=$(find "artifacts/$target" -type f | wc -l)
    "${FUZZ[@]}" run -O --target-dir "$TARGET_DIR" "$target" "corpus/$target" -- \
        -max_total_time="$SECONDS_EACH" -rss_limit_mb="$RSS_MB" -malloc_limit_mb="$RSS_MB" \
        -timeout="$TIMEOUT" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix="artifacts/$target/" >"$log" 2>&1 || true
    after=$(find "artifacts/$target" -type f | wc -l)
    # The fork-mode parent's last status line: "#EXECS: cov: ... time: T ...".
    local status execs time crashes
    status=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1 || true)
    execs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$status")
    time=$(sed -nE 's/.* time: ([0-9]+)s.*/\1/p' <<<"$status")
    crashes=$(sed -nE 's#.*oom/timeout/crash: ([0-9]+/[0-9]+/[0-9]+).*#\1#p' <<<"$status")
    printf '%-18s %12s execs %6s s  oom/timeout/crash %-9s new artifacts %d\n' \
        "$target" "${execs:-?}" "${time:-?}" "${crashes:-?}" "$((after - before))"
    [[ $after -eq $before ]]
}

echo "fuzz: ${SECONDS_EACH} s per target, $JOBS at a time"
found=0
running=0
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for target in "${TARGETS[@]}"; do
    (fuzz_one "$target" || echo found >>"$results") &
    running=$((running + 1))
    if ((running >= JOBS)); then
        wait -n || true
        running=$((running - 1))
    fi
done
wait
if [[ -s $results ]]; then
    found=1
    echo "fuzz: findings in fuzz/artifacts/ (reproduce: cargo +nightly fuzz run TARGET FILE)"
fi
exit "$found"

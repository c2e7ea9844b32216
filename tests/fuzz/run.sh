#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (address + undefined sanitizers) and fuzzes each
# for SECONDS (default 60), starting from the committed seed corpus in tests/fuzz/corpus/.
# New interesting inputs go to a scratch folder, not into the committed corpus; a crash
# leaves its reproducer in build-fuzz/crashes/ and makes this script exit non-zero.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
shift || true
./scripts/install-deps.sh
command -v clang++ >/dev/null || { echo "run.sh needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCWB_FUZZ=ON \
    -DCWB_SANITIZE=address,undefined -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=($(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//'))
fi
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
mkdir -p build-fuzz/crashes
status=0
for t in "${targets[@]}"; do
    name=${t#fuzz_}
    scratch=build-fuzz/corpus-$name
    mkdir -p "$scratch" "tests/fuzz/corpus/$name"
    echo "== $t for ${SECONDS_EACH}s"
    if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "build-fuzz/tests/fuzz/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=build-fuzz/crashes/"$name"- "$scratch" "tests/fuzz/corpus/$name" 2>build-fuzz/$t.log; then
        echo "   crashed: see build-fuzz/$t.log and build-fuzz/crashes/" >&2
        status=1
    fi
    tail -n 2 build-fuzz/$t.log | sed 's/^/   /'
done
exit $status

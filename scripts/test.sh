#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs what is missing, builds, runs CTest.
# Tests start (and stop) their own redis-server processes on free loopback ports.
#
# Then two more builds follow (CI runs exactly this script): the engine's tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, and the test programs labelled "threaded" in
# tests/CMakeLists.txt (every program that starts a thread, the widget tests included) under
# ThreadSanitizer;
# CWB_SANITIZERS=0 skips them for a quick local run. They use clang (it compiles sanitized code
# about twice as fast as g++), unity builds and lld, and build no benchmark, which keeps the whole
# CI run within its 35 minutes on 2 cores (docs/PERFORMANCE.md, "Sanitizer stages and CI time").
# Extra arguments go to ctest (e.g. -R loadrun).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# A unity build (the engine and widgets in batches of 8 files) takes half the compiler time of
# file-by-file (302 s vs 602 s of CPU for the two libraries, docs/PERFORMANCE.md); the shipped
# code is the same. Incremental builds (scripts/build.sh) stay file by file.
# lld links each of the ~170 test programs of the three stages in a tenth of the CPU time of
# the default linker (0.2 s instead of 1.5-2 s for tst_loadrun under TSan).
LINK_ARGS=-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld
CMAKE_ARGS="-DCMAKE_UNITY_BUILD=ON $LINK_ARGS ${CMAKE_ARGS:-}" ./scripts/build.sh
# One test more than cores: most test programs spend their time waiting on servers they start
# (timeouts, failovers, expiring keys), so a third one fills the idle core time. Tests do not
# depend on an idle machine (they assert events and counts). Not under TSan, where every
# program is busy computing.
JOBS=$(($(nproc) + 1))
(cd "${BUILD_DIR:-build}" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$JOBS" "$@")

[ "${CWB_SANITIZERS:-1}" = 1 ] || exit 0

# -O1 -g1: line tables for the reports, optimised enough that the timed tests still hold.
sanitized() { # build-dir sanitizers engine-only [targets...]
    local dir=$1 sanitizers=$2 engineOnly=$3
    shift 3
    cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" -DCMAKE_UNITY_BUILD=ON "$LINK_ARGS" -DCWB_BENCHMARKS=OFF \
        -DCWB_ENGINE_ONLY="$engineOnly" -DCWB_SANITIZE="$sanitizers" >/dev/null
    cmake --build "$dir" -j"$(nproc)" ${1:+--target "$@"}
}

echo "== engine tests under AddressSanitizer + UndefinedBehaviorSanitizer"
sanitized build-asan address,undefined ON
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 LSAN_OPTIONS=suppressions="$PWD/../tests/lsan.supp" \
    ctest --output-on-failure -j"$JOBS" "$@")

echo "== threaded tests under ThreadSanitizer (label threaded)"
# Widget tests too, so this build includes the widgets (not the GUI application itself).
mapfile -t threaded < <(cd build && ctest -N -L threaded | sed -n 's/^ *Test *#[0-9]*: //p')
sanitized build-tsan thread OFF cache-workbench-cli cwb_store_helper "${threaded[@]}"
(cd build-tsan && QT_QPA_PLATFORM=offscreen \
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions="$PWD/../tests/tsan.supp" \
    ctest --output-on-failure -j"$(nproc)" -L threaded "$@")

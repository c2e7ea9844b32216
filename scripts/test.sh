#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs what is missing, builds, runs CTest.
# Tests start (and stop) their own redis-server processes on free loopback ports.
#
# With CWB_SANITIZERS=1, two more builds follow: the engine's tests under AddressSanitizer +
# UndefinedBehaviorSanitizer, and the threaded load-engine tests under ThreadSanitizer. They
# roughly double the time, so CI does not run them yet (see docs/ARCHITECTURE.md, Tests).
# Extra arguments go to ctest (e.g. -R loadrun).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
(cd "${BUILD_DIR:-build}" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)" "$@")

[ "${CWB_SANITIZERS:-0}" = 1 ] || exit 0

echo "== engine tests under AddressSanitizer + UndefinedBehaviorSanitizer"
BUILD_DIR=build-asan CMAKE_BUILD_TYPE=RelWithDebInfo \
    CMAKE_ARGS="-DCWB_ENGINE_ONLY=ON -DCWB_SANITIZE=address,undefined" ./scripts/build.sh
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 LSAN_OPTIONS=suppressions="$PWD/../tests/lsan.supp" \
    ctest --output-on-failure -j"$(nproc)" "$@")

echo "== threaded load-engine tests under ThreadSanitizer"
# Only the programs labelled "threaded" (and the CLI they depend on) are built here.
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCWB_ENGINE_ONLY=ON -DCWB_SANITIZE=thread >/dev/null
cmake --build build-tsan -j"$(nproc)" --target cache-workbench-cli tst_loadrun tst_loadfaults tst_loadcluster
(cd build-tsan && TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions="$PWD/../tests/tsan.supp" \
    ctest --output-on-failure -j"$(nproc)" -L threaded "$@")

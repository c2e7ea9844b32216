#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs what is missing, builds, runs CTest.
# Tests start (and stop) their own redis-server processes on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
cd "${BUILD_DIR:-build}"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)" "$@"

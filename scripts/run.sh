#!/usr/bin/env bash
# Sets everything up and runs the main job: installs what is missing, builds, launches the GUI.
# Without a display it runs the headless CLI against a local sandbox Redis and prints a report.
set -euo pipefail
cd "$(dirname "$0")/.."
export BUILD_DIR=${BUILD_DIR:-build}
./scripts/install-deps.sh
./scripts/build.sh
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "./$BUILD_DIR/app/cache-workbench" "$@"
fi
echo "No display found: running a short load test against a local sandbox Redis instead." >&2
exec "./$BUILD_DIR/app/cache-workbench-cli" run --preset basic-cache-load --sandbox --duration 5 --no-save "$@"

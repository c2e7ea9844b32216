#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real application: builds the GUI if needed,
# starts it under a virtual X server (xvfb-run), and lets its hidden --screenshot-tour mode
# run two short load tests against a sandbox Redis and grab every page with real data.
#
#   scripts/screenshots.sh [OUTPUT_DIR]      (default: docs/screenshots)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/docs/screenshots}"
build="${CWB_BUILD_DIR:-$root/build}"

if [[ ! -x "$build/app/cache-workbench" ]]; then
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$build" --target cache-workbench -j"$(nproc)"
fi
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: sudo apt-get install xvfb" >&2; exit 1; }

mkdir -p "$out"
# A fixed, neutral environment: English, Fusion style, 96 dpi, no user settings touched
# (the tour uses Qt's test-mode settings and a temporary result store).
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb QT_STYLE_OVERRIDE=Fusion QT_SCALE_FACTOR=1
xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" "$build/app/cache-workbench" --screenshot-tour "$out"
ls -l "$out"/*.png

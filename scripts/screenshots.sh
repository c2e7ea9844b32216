#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real application under a virtual X server.
#
# The GUI's hidden --screenshot-tour mode walks through a load test (live, stopped, compared),
# the stored results, two benchmarks, a warming run, a sandbox cluster whose master is killed
# (automatic failover) and a firing monitoring alert, all against sandboxes it starts itself.
# This script is its driver: for each line the tour prints it acts on the X server and answers
# "ok" —
#   SHOT name    import -window root  -> OUTPUT_DIR/name.png
#   KEY keys     xdotool key          (the run is stopped with a real Shift+F5)
#   CLICK x y    xdotool click        (Run now, the master to kill, Kill master)
#   DONE
#
#   scripts/screenshots.sh [OUTPUT_DIR]      (default: docs/screenshots)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/docs/screenshots}"
build="${CWB_BUILD_DIR:-$root/build}"

if [[ "${CWB_TOUR_INSIDE:-}" != 1 ]]; then
    if [[ ! -x "$build/app/cache-workbench" ]]; then
        cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
        cmake --build "$build" --target cache-workbench -j2
    fi
    for tool in xvfb-run xdotool import; do
        command -v "$tool" >/dev/null || { echo "$tool is missing: scripts/install-deps.sh installs it" >&2; exit 1; }
    done
    mkdir -p "$out"
    out="$(cd "$out" && pwd)"
    # The screen is the window: 1280x800, the size every page must fit.
    CWB_TOUR_INSIDE=1 exec xvfb-run -a -s "-screen 0 1280x800x24 -dpi 96" "$0" "$out"
fi

# Inside the virtual X server. A fixed, neutral environment: English, Fusion style, 96 dpi, no
# user settings touched (the tour uses Qt's test-mode settings and a temporary result store).
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb QT_STYLE_OVERRIDE=Fusion QT_SCALE_FACTOR=1
export CWB_TOUR_DRIVER=x11
coproc TOUR { "$build/app/cache-workbench" --screenshot-tour "$out"; }
tour_pid=$TOUR_PID
from_tour=${TOUR[0]}
to_tour=${TOUR[1]}
status=0
while IFS=' ' read -r command a b <&"$from_tour"; do
    case "$command" in
    SHOT)
        import -window root -depth 8 "png8:$out/$a.png"
        echo "saved $out/$a.png ($(($(stat -c %s "$out/$a.png") / 1024)) KB)" >&2 ;;
    KEY)
        # No window manager gives the window the keyboard: focus it first.
        xdotool search --sync --onlyvisible --name "Cache Workbench" windowfocus --sync
        xdotool key --clearmodifiers "$a" ;;
    CLICK) xdotool mousemove --sync "$a" "$b" click 1 ;;
    DONE) echo ok >&"$to_tour"; break ;;
    *) echo "screenshots.sh: unexpected line from the tour: $command $a $b" >&2; status=1; break ;;
    esac
    echo ok >&"$to_tour"
done
wait "$tour_pid" || status=$?
exit "$status"

#!/usr/bin/env bash
# How fast a stop reaches the agents of a distributed run (issue 18: within 1 s), and how fast
# agents stop on their own when the coordinator is killed (within 3 s).
#
#   bench/distrib_stop_bench.sh [--repeat N]
#
# One coordination server and one target (private redis-servers on loopback), two agent
# processes of the CLI. Each round starts `run --coordinator` (basic-cache-load as a closed
# loop, 4 users, long duration), waits until both agents are loading, then
#   stop:  sends SIGINT to the coordinator process, and
#   kill:  sends SIGKILL to it;
# and measures the time from the signal to the last command the target served for the run
# (INFO commandstats polled every 20 ms over one connection: the first poll after which the
# set/get calls stop growing for good). "stop" also reports when the coordinator process exited (report written,
# namespace removed). Medians with the spread over N rounds (default 3).
# Needs: redis-server, redis-cli, python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=3
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
export BUILD_DIR=${BUILD_DIR:-build}
[ -n "${CWB_BENCH_NO_BUILD:-}" ] || ./scripts/build.sh >/dev/null
CLI=$PWD/$BUILD_DIR/app/cache-workbench-cli
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for port in ${COORD:-} ${TARGET:-}; do redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_server() {
    redis-server --port "$1" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$WORK/redis-$1.pid" --dir "$WORK" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$1" ping >/dev/null 2>&1 && return; sleep 0.1; done
    echo "redis-server on $1 did not start" >&2; exit 1
}
COORD=$(free_port); start_server "$COORD"
TARGET=$(free_port); start_server "$TARGET"
for name in stop-a stop-b; do
    "$CLI" agent --coordinator "redis://127.0.0.1:$COORD" --name "$name" \
        --allow-target "redis://127.0.0.1:$TARGET" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
done

# Seconds from the signal until the target's set+get calls stopped growing; and (stop) until the
# coordinator process exited. Prints "quiet_after exit_after".
measure() { # signal
    python3 - "$CLI" "$COORD" "$TARGET" "$1" <<'PY'
import os, signal, subprocess, sys, time
cli, coord, target, sig = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
import socket
conn = socket.create_connection(("127.0.0.1", int(target)))
def calls():
    # One INFO over a kept connection: polling costs well under a millisecond.
    conn.sendall(b"INFO commandstats\r\n")
    data = b""
    while b"\r\n" not in data:
        data += conn.recv(65536)
    header = data.index(b"\r\n") + 2
    size = int(data[1:header - 2])
    while len(data) < header + size + 2: # "$<size>\r\n<payload>\r\n"
        data += conn.recv(65536)
    out = data[header:header + size].decode()
    total = 0
    for line in out.splitlines():
        if line.startswith(("cmdstat_set:", "cmdstat_get:")):
            total += int(line.split("calls=")[1].split(",")[0])
    return total
def states():
    keys = subprocess.run(["redis-cli", "-p", coord, "--scan", "--pattern", "cwb:coord:agent:*"],
                          capture_output=True, text=True).stdout.split()
    return [subprocess.run(["redis-cli", "-p", coord, "hget", k, "state"], capture_output=True, text=True).stdout.strip()
            for k in keys]
# Closed loop (the preset with --rps 0): commands flow without pause, so the last one is sharp.
run = subprocess.Popen([cli, "run", "--preset", "basic-cache-load", "--target", f"redis://127.0.0.1:{target}",
                        "--coordinator", f"redis://127.0.0.1:{coord}", "--agents", "all", "--duration", "600",
                        "--users", "4", "--rps", "0", "--warmup", "0", "--no-save"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
# Loading: both agents run a share (they accept before the common start instant) and the
# target's calls grow from where the previous round left them.
baseline = calls()
deadline = time.time() + 30
while time.time() < deadline:
    s = states()
    if len(s) == 2 and all(x.startswith("running") for x in s) and calls() > baseline + 1000:
        break
    time.sleep(0.1)
else:
    run.kill(); sys.exit("agents did not start")
time.sleep(1.0)
sent = time.monotonic()
run.send_signal(signal.SIGINT if sig == "stop" else signal.SIGKILL)
last, last_change, exited = calls(), sent, None
while time.monotonic() - last_change < 3.0 and time.monotonic() - sent < 20:
    time.sleep(0.02)
    now = calls()
    if now != last:
        last, last_change = now, time.monotonic()
    if exited is None and run.poll() is not None:
        exited = time.monotonic()
run.wait(timeout=30)
if exited is None:
    exited = time.monotonic()
# Wait for both agents to be idle again before the next round.
deadline = time.time() + 20
while time.time() < deadline and not (len(states()) == 2 and all(x == "idle" for x in states())):
    time.sleep(0.1)
print(f"{last_change - sent:.3f} {exited - sent:.3f}")
PY
}

echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
STOP_QUIET=(); STOP_EXIT=(); KILL_QUIET=()
for _ in $(seq "$REPEAT"); do
    read -r quiet exited < <(measure stop); STOP_QUIET+=("$quiet"); STOP_EXIT+=("$exited")
    read -r quiet _ < <(measure kill); KILL_QUIET+=("$quiet")
done
summary() { python3 -c 'import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print(f"{statistics.median(v):.2f} s ({min(v):.2f}-{max(v):.2f})")' "$@"; }
echo
echo "| event | median (min-max) over $REPEAT rounds | goal |"
echo "|---|---|---|"
echo "| SIGINT to the coordinator -> last command of the run on the target | $(summary "${STOP_QUIET[@]}") | <= 1 s |"
echo "| SIGINT to the coordinator -> coordinator exited (report, cleanup) | $(summary "${STOP_EXIT[@]}") | |"
echo "| SIGKILL of the coordinator -> last command of the run on the target | $(summary "${KILL_QUIET[@]}") | <= 3 s |"
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# What a load generator makes one redis-server do, counted rather than timed (so it holds on a
# busy machine): system calls, bytes per read, wake-ups and inter-processor interrupts the
# server sends, context switches, and the TCP segments on the connections - per command served,
# for redis-benchmark and the workbench at the same settings (50 connections, 32 B values,
# SET:GET 1:1 over 100k keys), against one private server pinned to CPU 0 (generator on CPU 1).
#
#   bench/load_server_counters.sh [PIPELINE=16] [SECONDS=4] [--realtime]
#
# Counters: perf stat on the server's pid (syscall and sched/ipi tracepoints; needs perf and
# kernel.perf_event_paranoid <= 1 or root), /proc/<pid>/io and /proc/<pid>/status, INFO, and
# ss -ti sampled half-way. --realtime runs both at SCHED_RR 10 (see load_vs_redis_benchmark.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PIPELINE=${1:-16}
SECONDS_PER_RUN=${2:-4}
RT=()
[ "${3:-}" = --realtime ] && RT=(chrt -r 10)
export BUILD_DIR=${BUILD_DIR:-build}
./scripts/build.sh >/dev/null
CLI=${CLI:-$PWD/$BUILD_DIR/app/cache-workbench-cli} # CLI=... compares another build
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${RT[@]}" taskset -c 0 redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" \
    --logfile "$WORK/redis.log" &
SERVER_PID=$!
for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$PORT" ping >/dev/null

cat >"$WORK/cfg.json" <<JSON
{"testName": "server-counters", "duration": $SECONDS_PER_RUN, "warmupSeconds": 0, "concurrentUsers": 50,
 "requestsPerSecond": 0, "operationMix": {"read": 50, "write": 50, "delete": 0, "invalidate": 0},
 "cacheTypes": ["string"], "keySpace": 100000, "keyDistribution": "uniform", "valueSize": {"min": 32, "max": 32},
 "ttl": 0, "pipeline": $PIPELINE, "threads": 0, "cleanup": false}
JSON
# redis-benchmark's key set exists before it is measured. Each workbench run writes a namespace
# of its own (<prefix><run id>:), fresh each time, and would refuse the prefix that the rounds
# before it left keys under without --allow-existing-keys (it never touches those keys).
redis-benchmark -p "$PORT" -c 50 -n 400000 -d 32 -r 100000 -t set -P 16 -q >/dev/null 2>&1

snapshot() { # "reads writes voluntary involuntary cpu_seconds calls"
    local io status
    io=$(awk '/^syscr/{r=$2}/^syscw/{w=$2}END{print r, w}' "/proc/$SERVER_PID/io")
    status=$(awk '/^voluntary_ctxt/{v=$2}/^nonvoluntary_ctxt/{n=$2}END{print v, n}' "/proc/$SERVER_PID/status")
    echo "$io $status $(redis-cli -p "$PORT" info everything | python3 -c '
import sys
cpu = calls = 0
for l in sys.stdin:
    if l.startswith(("used_cpu_sys:", "used_cpu_user:")): cpu += float(l.split(":")[1])
    elif l.startswith("cmdstat_"): calls += int(l.split("calls=")[1].split(",")[0])
print(cpu, calls)')"
}

EVENTS=syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_epoll_wait,sched:sched_waking,ipi:ipi_send_cpu
measure() { # tool
    local tool=$1 pid
    read -r r0 w0 v0 n0 c0 k0 < <(snapshot)
    perf stat -x, -o "$WORK/perf.txt" -e "$EVENTS" -p "$SERVER_PID" 2>/dev/null &
    local perf_pid=$!
    sleep 0.3
    if [ "$tool" = redis-benchmark ]; then
        "${RT[@]}" taskset -c 1 redis-benchmark -p "$PORT" -c 50 -n 100000000 -d 32 -r 100000 -t set,get \
            -P "$PIPELINE" -q -l >/dev/null 2>&1 &
    else
        "${RT[@]}" taskset -c 1 "$CLI" run --config "$WORK/cfg.json" --target "redis://127.0.0.1:$PORT" --no-save \
            --allow-existing-keys >/dev/null 2>&1 &
    fi
    pid=$!
    sleep "$(python3 -c "print($SECONDS_PER_RUN / 2)")"
    ss -tinH state established "( sport = :$PORT )" >"$WORK/ss.txt"
    if [ "$tool" = redis-benchmark ]; then
        sleep "$(python3 -c "print($SECONDS_PER_RUN / 2)")"
        kill "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null || true
    kill -INT "$perf_pid" 2>/dev/null; wait "$perf_pid" 2>/dev/null || true
    read -r r1 w1 v1 n1 c1 k1 < <(snapshot)
    python3 - "$tool" "$WORK/perf.txt" "$WORK/ss.txt" "$r0" "$w0" "$v0" "$n0" "$c0" "$k0" "$r1" "$w1" "$v1" "$n1" "$c1" "$k1" <<'PY'
import re, sys
tool, perf, ss = sys.argv[1:4]
r0, w0, v0, n0, c0, k0, r1, w1, v1, n1, c1, k1 = (float(x) for x in sys.argv[4:16])
k = max(1.0, k1 - k0)
ev = {}
for line in open(perf):
    p = line.strip().split(",")
    if len(p) > 2 and p[0].replace(".", "").isdigit():
        ev[p[2]] = float(p[0])
segs = dict(segs_out=0, data_segs_out=0, segs_in=0, data_segs_in=0)
for line in open(ss):
    for key in segs:
        m = re.search(r"\b%s:(\d+)" % key, line)
        segs[key] += int(m.group(1)) if m else 0
pure = segs["segs_out"] - segs["data_segs_out"] + segs["segs_in"] - segs["data_segs_in"]
data = max(1, segs["data_segs_out"] + segs["data_segs_in"])
per_k = lambda name: 1000 * ev.get(name, 0) / k
print(f"| {tool} | {1e6 * (c1 - c0) / k:.3f} | {(r1 - r0) / k:.4f} | {(w1 - w0) / k:.4f} | "
      f"{k / max(1, r1 - r0):.2f} | {per_k('syscalls:sys_enter_epoll_wait'):.2f} | {per_k('sched:sched_waking'):.2f} | "
      f"{per_k('ipi:ipi_send_cpu'):.2f} | {1000 * (v1 - v0) / k:.2f} | {1000 * (n1 - n0) / k:.2f} | {100 * pure / data:.2f}% |")
PY
}

echo "pipeline $PIPELINE, $SECONDS_PER_RUN s per tool, load average $(cut -d' ' -f1-3 /proc/loadavg)$([ ${#RT[@]} -gt 0 ] && echo ", SCHED_RR 10")"
echo
echo "| tool | server CPU µs/command | reads/command | writes/command | commands/read | epoll_wait /1k | wake-ups sent /1k | IPIs sent /1k | voluntary switches /1k | involuntary /1k | pure ACK segments |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for round in 1 2; do
    measure redis-benchmark
    measure workbench
done

#!/usr/bin/env bash
# Compares the workbench's load engine with redis-benchmark in one run, against one private
# redis-server on loopback: 50 connections, 32-byte values, SET:GET 1:1 over 100,000 keys,
# without pipelining and with pipeline 16. Then open-loop pacing (client CPU per operation at
# 5,000 ops/s over 20 users, rate accuracy, latency under a 300 ms stall every second) and the
# single-connection latency.
#
#   bench/load_vs_redis_benchmark.sh [--repeat N] [--seconds S] [--check] [--no-pin] [--realtime]
#
# Closed loop: the tools alternate, N rounds (default 3); each figure is the median with the
# spread (min-max) beside it. With 2+ cores the server runs on CPU 0 and the generator on CPU 1
# (taskset), as redis-benchmark and the workbench would be placed on a quiet host; --no-pin
# leaves placement to the scheduler. --realtime runs the server and the generators at SCHED_RR
# priority 10 (chrt; needs root or CAP_SYS_NICE) so that other work on a shared machine cannot
# preempt them: closer to an idle machine, though not the same (a core the generator leaves
# runs someone else's work instead of idling).
#   ops/s            the tool's own measured rate (redis-benchmark: all requests / the sum of
#                    its SET and GET test times; workbench: the measured window)
#   client CPU us/op the generator process's user + system time (GNU time) per command the
#                    server served for it (INFO commandstats calls delta)
#   server CPU us/command  the server's used_cpu_user + used_cpu_sys delta (INFO) over the same calls
#   server us/call   commandstats' usec delta over the calls: time inside the commands alone
# redis-benchmark's counters cover its whole run (its keys exist beforehand); the workbench's are
# taken inside its measured window (see run_workbench).
# The workbench runs with its default thread count (one per core, less one for a server on
# this machine: one thread on 2 cores). --check exits 1 when a goal of issue 16 does not hold
# (the goals are printed at the end either way). The machine should be otherwise idle: the
# script prints the CPU idle share before and after.
# Needs: redis-server, redis-cli, redis-benchmark (redis-tools), GNU time, python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

ARGS=("$@")
REPEAT=3
SECONDS_PER_RUN=6
WARMUP=5 # seconds: fills the workbench's fresh key namespace before its counters are taken
CHECK=0
PIN=1
REALTIME=0
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
        --check) CHECK=1; shift ;;
        --no-pin) PIN=0; shift ;;
        --realtime) REALTIME=1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

[ "$SECONDS_PER_RUN" -ge 3 ] || { echo "--seconds must be at least 3" >&2; exit 2; }
export BUILD_DIR=${BUILD_DIR:-build}
[ -n "${CWB_BENCH_REALTIME:-}" ] || ./scripts/build.sh >/dev/null
if [ "$REALTIME" = 1 ] && [ -z "${CWB_BENCH_REALTIME:-}" ]; then
    # Everything from here on - the script's own sampling too, or it would starve - at SCHED_RR.
    exec chrt -r 10 env CWB_BENCH_REALTIME=1 "$0" "${ARGS[@]}"
fi
CLI=$PWD/$BUILD_DIR/app/cache-workbench-cli
WORK=$(mktemp -d)
SERVER_CPU=()
CLIENT_CPU=()
if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ]; then
    SERVER_CPU=(taskset -c 0)
    CLIENT_CPU=(taskset -c 1)
fi

SERVER_PID=""
PAUSER_PID=""
# shellcheck source=bench/load_bench_common.sh
source bench/load_bench_common.sh
clean_up_on_exit PAUSER_PID
start_private_server
RCLI=(redis-cli -p "$PORT")
RB=(redis-benchmark -p "$PORT")
WB_TARGET=(--target "redis://127.0.0.1:$PORT")


run_cli() { # config json -> runs the CLI under GNU time, pinned like redis-benchmark
    "${CLIENT_CPU[@]}" /usr/bin/time -f "%U %S" -o "$WORK/time.txt" \
        "$CLI" run --config "$1" --target "redis://127.0.0.1:$PORT" --json "$2" --no-save \
        >/dev/null 2>"$WORK/wb.err" || { cat "$WORK/wb.err" >&2; exit 1; }
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_BEFORE=$(idle_percent 3)
echo "machine: $(nproc) cores, $(uname -r); redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/')"
echo "before: load average $LOAD_BEFORE, CPU idle ${IDLE_BEFORE}% over 3 s$([ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ] && echo "; server pinned to CPU 0, generators to CPU 1")$([ "$REALTIME" = 1 ] && echo "; SCHED_RR priority 10")"
echo "closed loop: 50 connections, 32 B values, SET:GET 1:1 over 100k keys; $REPEAT interleaved rounds, median (min-max)"
echo
echo "| tool | pipeline | ops/s | client CPU µs/op | server CPU µs/command | server µs/call in commands |"
echo "|---|---|---|---|---|---|"
declare -A RESULT
for pipeline in 1 16; do
    n=$(calibrate_n "$pipeline")
    declare -A tput=() ccpu=() scpu=() call=()
    for round in $(seq "$REPEAT"); do
        # Alternate the order too, so drift on the machine hits both tools alike.
        tools="redis-benchmark workbench"
        [ $((round % 2)) = 0 ] && tools="workbench redis-benchmark"
        for tool in $tools; do
            if [ "$tool" = redis-benchmark ]; then
                read -r a b c d < <(run_redis_benchmark "$pipeline" "$n")
            else
                read -r a b c d < <(run_workbench "$pipeline")
            fi
            tput[$tool]+=" $a"; ccpu[$tool]+=" $b"; scpu[$tool]+=" $c"; call[$tool]+=" $d"
        done
    done
    for tool in redis-benchmark workbench; do
        # shellcheck disable=SC2086
        printf "| %s | %s | %s | %s | %s | %s |\n" "$tool" "$pipeline" "$(summary 0 ${tput[$tool]})" \
            "$(summary 2 ${ccpu[$tool]})" "$(summary 3 ${scpu[$tool]})" "$(summary 3 ${call[$tool]})"
        # shellcheck disable=SC2086
        RESULT[$tool-$pipeline]="$(median ${tput[$tool]}) $(median ${ccpu[$tool]}) $(median ${scpu[$tool]})"
    done
done

echo
echo "Open loop: 20 users at 5,000 ops/s, same workload, 10 s measured after 1 s warm-up; client CPU"
echo "per operation over the measured window (the engine's own figure) and for the whole process"
echo
echo "| run | achieved ops/s | deviation | p50 ms | p99 ms | max ms | client CPU µs/op (window) | (whole process) |"
echo "|---|---|---|---|---|---|---|---|"
open_loop_row() { # label json rate -> prints a row, stores "deviation% cpu_us p99_ms" in OPEN_ROW
    OPEN_ROW=$(python3 - "$2" "$3" "$WORK/time.txt" "$1" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); target = float(sys.argv[2])
user, system = map(float, open(sys.argv[3]).read().split()[-2:])
s = doc["summary"]; lat = s["latencyUs"]
ops_all = s["operations"] * (1 + doc["config"]["warmupSeconds"] / doc["measuredSeconds"])
achieved = s["operations"] / doc["measuredSeconds"]
dev = 100 * (achieved - target) / target
cpu = doc["client"]["cpuUsPerOp"]
print(f"| {sys.argv[4]} | {achieved:.1f} | {dev:+.3f}% | {lat['p50']/1000:.3f} | {lat['p99']/1000:.1f} | "
      f"{lat['max']/1000:.1f} | {cpu:.2f} | {(user + system) * 1e6 / ops_all:.2f} |")
print(f"{dev} {cpu} {lat['p99']/1000} {s['errors']}")
PY
)
    echo "$OPEN_ROW" | head -1
    OPEN_ROW=$(echo "$OPEN_ROW" | tail -1)
}
write_config "$WORK/open.json" 20 1 5000 10 1
run_cli "$WORK/open.json" "$WORK/open-result.json"
open_loop_row "steady" "$WORK/open-result.json" 5000
read -r OPEN_DEV OPEN_CPU _ OPEN_ERRORS <<<"$OPEN_ROW"

# The same run while the server stalls for 300 ms every second (CLIENT PAUSE): requests due in
# a stall must wait and be timed from their intended start, so p99 shows about 300 ms.
write_config "$WORK/stall.json" 20 1 5000 6 1
(
    sleep 1.5
    while :; do redis-cli -p "$PORT" client pause 300 all >/dev/null 2>&1; sleep 1; done
) &
PAUSER_PID=$!
run_cli "$WORK/stall.json" "$WORK/stall-result.json"
kill "$PAUSER_PID" 2>/dev/null; wait "$PAUSER_PID" 2>/dev/null || true
PAUSER_PID=""
redis-cli -p "$PORT" client unpause >/dev/null
open_loop_row "300 ms stall each second" "$WORK/stall-result.json" 5000
read -r STALL_DEV _ STALL_P99 STALL_ERRORS <<<"$OPEN_ROW"

echo
echo "Open loop rate accuracy (50 users, 5 s measured, 1 s warm-up)"
echo
echo "| target ops/s | achieved ops/s | deviation | p99 ms |"
echo "|---|---|---|---|"
for rate in 1000 5000 10000 20000 50000; do
    write_config "$WORK/rate.json" 50 1 "$rate" 5 1
    run_cli "$WORK/rate.json" "$WORK/rate-result.json"
    python3 - "$WORK/rate-result.json" "$rate" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); target = float(sys.argv[2])
achieved = doc["summary"]["operations"] / doc["measuredSeconds"]
print(f"| {target:.0f} | {achieved:.1f} | {100*(achieved-target)/target:+.3f}% | {doc['summary']['latencyUs']['p99']/1000:.3f} |")
PY
done

echo
write_config "$WORK/single.json" 1 1 0 5 1
P50S=""
for _ in $(seq "$REPEAT"); do
    run_cli "$WORK/single.json" "$WORK/single-result.json"
    P50S+=" $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['latencyUs']['p50'])" "$WORK/single-result.json")"
done
# shellcheck disable=SC2086
echo "Single connection, closed loop, pipeline 1: p50 $(summary 1 $P50S) µs over $REPEAT runs"

echo
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg), CPU idle $(idle_percent 3)% over 3 s"
[ "$IDLE_BEFORE" -lt 90 ] && echo "warning: the machine was busy (${IDLE_BEFORE}% idle before the run): figures are not a reference"

# Goals of issue 16.
read -r rb1_t rb1_c rb1_s <<<"${RESULT[redis-benchmark-1]}"
read -r wb1_t wb1_c wb1_s <<<"${RESULT[workbench-1]}"
read -r rb16_t rb16_c rb16_s <<<"${RESULT[redis-benchmark-16]}"
read -r wb16_t wb16_c wb16_s <<<"${RESULT[workbench-16]}"
python3 - "$rb1_t" "$rb1_c" "$wb1_t" "$wb1_c" "$rb16_t" "$rb16_s" "$wb16_t" "$wb16_s" \
    "$OPEN_DEV" "$OPEN_CPU" "$OPEN_ERRORS" "$STALL_P99" "$STALL_ERRORS" "$(median $P50S)" "$CHECK" <<'PY'
import sys
(rb1_t, rb1_c, wb1_t, wb1_c, rb16_t, rb16_s, wb16_t, wb16_s, open_dev, open_cpu, open_err,
 stall_p99, stall_err, p50) = map(float, sys.argv[1:15])
check = sys.argv[15] == "1"
goals = [
    ("pipeline 16: ops/s >= 1.15x redis-benchmark", wb16_t / rb16_t, wb16_t / rb16_t >= 1.15, "x"),
    ("pipeline 16: server CPU/command <= 1.05x redis-benchmark's", wb16_s / rb16_s, wb16_s / rb16_s <= 1.05, "x"),
    ("pipeline 1: ops/s >= 1.5x redis-benchmark", wb1_t / rb1_t, wb1_t / rb1_t >= 1.5, "x"),
    ("pipeline 1: client CPU/op <= 0.5x redis-benchmark's", wb1_c / rb1_c, wb1_c / rb1_c <= 0.5, "x"),
    ("open loop 5,000 ops/s, 20 users: client CPU/op <= 10 us", open_cpu, open_cpu <= 10, " us"),
    ("open loop: rate within 1 %", open_dev, abs(open_dev) <= 1 and open_err == 0, " %"),
    ("300 ms stall each second: p99 about 300 ms (250-400)", stall_p99, 250 <= stall_p99 <= 400 and stall_err == 0, " ms"),
    ("single connection p50 <= 25 us", p50, p50 <= 25, " us"),
]
print()
print("| goal (issue 16) | measured | |")
print("|---|---|---|")
failed = 0
for name, value, ok, unit in goals:
    print(f"| {name} | {value:.3f}{unit} | {'met' if ok else 'NOT MET'} |")
    failed += not ok
sys.exit(1 if check and failed else 0)
PY

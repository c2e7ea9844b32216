#!/usr/bin/env bash
# The floor under issue 16's goals: what the bare system calls of a load generator cost on this
# machine (bench/load_floor.cpp: one send() per connection turn, the recv() of the replies,
# epoll_wait or one timed sleep per 1 ms turn, nothing else), beside redis-benchmark and the
# workbench in the same run, against one private redis-server on loopback (server on CPU 0, the
# generators on CPU 1). SET:GET 1:1, 32-byte values, 100k keys, 50 connections at pipeline 1 and 16;
# open loop at 5,000 ops/s over 20 users (redis-benchmark has no open loop).
#
#   bench/load_floor.sh [--repeat N] [--seconds S]
#
# Each figure is the median of N interleaved rounds (default 3) with the spread. Client CPU per
# operation is the generator's user + system time over a measured window divided by the commands
# the server served in it; the floor and the workbench are measured inside a window that starts
# after their warm-up (S-1 seconds closed loop, 4(S-1) open loop), redis-benchmark over its whole
# run (as in load_vs_redis_benchmark.sh). The floor sends redis-benchmark's keys; they exist only
# around the runs of those two (see prefill_rb_keys), so the server holds one tool's keys at a time.
# Needs: redis-server, redis-cli, redis-benchmark, GNU time, python3; the machine otherwise idle.
set -euo pipefail
cd "$(dirname "$0")/.."

REPEAT=3
SECONDS_PER_RUN=6
WARMUP=5
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ "$REPEAT" -ge 1 ] 2>/dev/null || { echo "--repeat must be a whole number of at least 1" >&2; exit 2; }
[ "$SECONDS_PER_RUN" -ge 3 ] 2>/dev/null || { echo "--seconds must be a whole number of at least 3" >&2; exit 2; }
export BUILD_DIR=${BUILD_DIR:-build}
if [ -z "${CWB_BENCH_NO_BUILD:-}" ]; then
    ./scripts/build.sh >/dev/null
    cmake --build "$BUILD_DIR" --target cwb_load_floor >/dev/null
fi
CLI=$PWD/$BUILD_DIR/app/cache-workbench-cli
FLOOR=$PWD/$BUILD_DIR/bench/cwb_load_floor
WORK=$(mktemp -d)
SERVER_CPU=(taskset -c 0)
CLIENT_CPU=(taskset -c 1)
SERVER_PID=""
GEN_PID=""
# shellcheck source=bench/load_bench_common.sh
source bench/load_bench_common.sh
clean_up_on_exit GEN_PID
start_private_server
RCLI=(redis-cli -p "$PORT")
RB=(redis-benchmark -p "$PORT")
WB_TARGET=(--target "redis://127.0.0.1:$PORT")

# Samples a running generator (GEN_PID) over `length` seconds from `warmup` seconds in; prints
# "ops_per_sec client_us_per_op server_us_per_op server_us_per_call".
window() { # warmup length
    local cpu0 cmd0 usec0 cpu1 cmd1 usec1 cli0 cli1 t0 t1
    sleep "$1"
    read -r cpu0 cmd0 usec0 < <(server_counters)
    cli0=$(process_cpu "$GEN_PID"); t0=$(date +%s.%N)
    sleep "$2"
    read -r cpu1 cmd1 usec1 < <(server_counters)
    cli1=$(process_cpu "$GEN_PID"); t1=$(date +%s.%N)
    if [ -z "$cli0" ] || [ -z "$cli1" ]; then
        echo "the generator ended before its measured window did" >&2
        exit 1
    fi
    echo "$cli0 $cli1" | awk '{print "0", $2 - $1}' >"$WORK/time.txt"
    per_op "$(python3 -c "print(($cmd1 - $cmd0) / ($t1 - $t0))")" "$WORK/time.txt" \
        "$cpu0" "$cmd0" "$usec0" "$cpu1" "$cmd1" "$usec1"
}

# Process CPU comes in clock ticks (10 ms): the open loop, at 5,000 ops/s, is measured over a window
# four times as long, so a tick is 0.1 us per operation rather than 0.4.
window_for() { # closed|open
    if [ "$1" = open ]; then echo $((4 * (SECONDS_PER_RUN - 1))); else echo $((SECONDS_PER_RUN - 1)); fi
}

# The row is printed once the generator has ended, so the next run never overlaps it.
run_floor() { # closed|open count pipeline-or-rate
    local row length
    length=$(window_for "$1")
    prefill_rb_keys # the floor's keys are redis-benchmark's ("key:" and 12 digits)
    "${CLIENT_CPU[@]}" "$FLOOR" "$PORT" "$1" "$2" "$3" $((length + 3)) >/dev/null 2>"$WORK/floor.err" &
    GEN_PID=$!
    row=$(window 1.5 "$length")
    wait "$GEN_PID" || { cat "$WORK/floor.err" >&2; exit 1; }
    drop_rb_keys
    echo "$row"
}

run_open_workbench() {
    local row length
    length=$(window_for open)
    write_config "$WORK/open.json" 20 1 5000 $((length + 3)) 1
    "${CLIENT_CPU[@]}" "$CLI" run --config "$WORK/open.json" "${WB_TARGET[@]}" --no-save >/dev/null 2>"$WORK/wb.err" &
    GEN_PID=$!
    row=$(window 1.5 "$length")
    wait "$GEN_PID" || { cat "$WORK/wb.err" >&2; exit 1; }
    echo "$row"
}

echo "machine: $(nproc) cores, $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg), CPU idle $(idle_percent 3)% over 3 s"
echo "$REPEAT interleaved rounds, median (min-max); server on CPU 0, generators on CPU 1"
echo
echo "| generator | workload | ops/s | client CPU µs/op | server CPU µs/command |"
echo "|---|---|---|---|---|"
declare -A tput=() ccpu=() scpu=()
scenarios=("redis-benchmark p1" "floor p1" "workbench p1" "redis-benchmark p16" "floor p16" "workbench p16"
           "floor open" "workbench open")
n1=$(calibrate_n 1)
n16=$(calibrate_n 16)
for round in $(seq "$REPEAT"); do
    order=("${scenarios[@]}")
    [ $((round % 2)) = 0 ] && order=("workbench p1" "floor p1" "redis-benchmark p1" "workbench p16" "floor p16"
                                   "redis-benchmark p16" "workbench open" "floor open")
    for s in "${order[@]}"; do
        case "$s" in
            "redis-benchmark p1") read -r a b c _ < <(run_redis_benchmark 1 "$n1") ;;
            "redis-benchmark p16") read -r a b c _ < <(run_redis_benchmark 16 "$n16") ;;
            "floor p1") read -r a b c _ < <(run_floor closed 50 1) ;;
            "floor p16") read -r a b c _ < <(run_floor closed 50 16) ;;
            "floor open") read -r a b c _ < <(run_floor open 20 5000) ;;
            "workbench p1") read -r a b c _ < <(run_workbench 1) ;;
            "workbench p16") read -r a b c _ < <(run_workbench 16) ;;
            "workbench open") read -r a b c _ < <(run_open_workbench) ;;
        esac
        tput[$s]+=" $a"; ccpu[$s]+=" $b"; scpu[$s]+=" $c"
    done
done
for s in "${scenarios[@]}"; do
    tool=${s% *}; load=${s##* }
    case "$load" in p1) load="closed, pipeline 1" ;; p16) load="closed, pipeline 16" ;; open) load="open, 5,000 ops/s, 20 users" ;; esac
    # shellcheck disable=SC2086
    printf "| %s | %s | %s | %s | %s |\n" "$tool" "$load" "$(summary 0 ${tput[$s]})" "$(summary 2 ${ccpu[$s]})" \
        "$(summary 3 ${scpu[$s]})"
done
echo
echo "client CPU per operation as a share of redis-benchmark's (median):"
for p in p1 p16; do
    # shellcheck disable=SC2086
    python3 -c "import sys; rb, fl, wb = (float(x) for x in sys.argv[1:]); \
print(f'  $p: floor {fl / rb:.3f}x, workbench {wb / rb:.3f}x')" "$(median ${ccpu["redis-benchmark $p"]})" \
        "$(median ${ccpu["floor $p"]})" "$(median ${ccpu["workbench $p"]})"
done
# shellcheck disable=SC2086
echo "  open loop (µs per operation): floor $(median ${ccpu["floor open"]}), workbench $(median ${ccpu["workbench open"]})"

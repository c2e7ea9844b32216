#!/usr/bin/env bash
# Where a load generator's own CPU goes, per operation: the workbench and redis-benchmark at the
# same settings (32 B values, SET:GET 1:1 over 100k keys) against one private redis-server pinned
# to CPU 0, the generator on CPU 1. Sampled with `perf record -e cpu-clock -g` (a software clock:
# it works in virtual machines without hardware counters) and sorted by what each sample's call
# chain was doing:
#
#   send: delivery   the loopback device hands each segment to the receiving socket on the
#                    SENDER's CPU: the server's TCP receive processing, paid by the generator
#   send: wake-up    within that, waking the server's epoll_wait (sock_def_readable; an IPI when
#                    the server sleeps on its own core)
#   send: own        the rest of send()/write(): the generator's own TCP transmit path
#   recv             recv()/recvmsg()/read() of replies
#   epoll_wait, epoll_ctl, sleep (clock_nanosleep), other kernel, user space (the tool's own code)
#
# Scenarios: closed loop at pipeline 1 and 16 (50 connections) for both tools; the workbench's
# open loop at 5,000 ops/s over 20 users (redis-benchmark has no open loop). CPU per operation is
# the generator process's user + system time over the sampled window divided by the commands the
# server served in it (INFO commandstats), so it counts the same way for both tools.
#
# --server samples the redis-server instead, under each generator, to see what a generator makes the
# server pay for; both tools then send SET only (redis-benchmark's SET test, the workbench at 100 %
# writes), so the server does the same commands on the same number of keys under both. Buckets:
#
#   key lookup       the server's hash table: dictFind, lookupKey, key compare and hash, dictAdd...
#   memory           the allocator (zmalloc, zfree, malloc_usable_size, malloc, free, je_*)
#   other user       the rest of the server's own code: parsing, call(), replies, the event loop
#   read             read() of requests
#   write: own       write() of replies, the server's TCP transmit path
#   write: delivery  within write(), the generator's TCP receive processing (loopback: on the
#                    server's CPU), and write: wake-up, waking the generator's epoll_wait
#   epoll_wait, other kernel
# The server is built without frame pointers, so user-space samples are sorted by their leaf
# function alone; kernel call chains are whole.
#
#   bench/load_client_profile.sh [SECONDS=4] [--realtime] [--server]
#
# Needs perf (linux-perf) and root or kernel.perf_event_paranoid <= 1; redis-server, redis-cli,
# redis-benchmark, python3. Loopback only. --realtime runs the server and the generators at
# SCHED_RR 10 (see load_vs_redis_benchmark.sh). The proportions hold on a busy machine better than
# the absolute figures do.
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=("$@")
SECONDS_PER_RUN=4
SIDE=client
REALTIME=0
while [ $# -gt 0 ]; do
    case "$1" in
        --realtime) REALTIME=1; shift ;;
        --server) SIDE=server; shift ;;
        [0-9]*) SECONDS_PER_RUN=$1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
RT=()
if [ "$REALTIME" = 1 ]; then
    # Everything at SCHED_RR, the script's own sampling and perf too: at normal priority they would
    # starve behind the generator and the server and sample long after the window.
    [ -n "${CWB_PROFILE_RT:-}" ] || exec chrt -r 10 env CWB_PROFILE_RT=1 "$0" "${ARGS[@]}"
    RT=(chrt -r 10)
fi
export BUILD_DIR=${BUILD_DIR:-build}
[ -n "${CWB_BENCH_NO_BUILD:-}" ] || ./scripts/build.sh >/dev/null
CLI=${CLI:-$PWD/$BUILD_DIR/app/cache-workbench-cli}
command -v perf >/dev/null || { echo "needs perf (apt-get install linux-perf)" >&2; exit 2; }
WORK=$(mktemp -d)
SERVER_PID=""
GEN_PID=""
cleanup() {
    [ -n "$GEN_PID" ] && kill "$GEN_PID" 2>/dev/null && wait "$GEN_PID" 2>/dev/null
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${RT[@]}" taskset -c 0 redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize no --dir "$WORK" --logfile "$WORK/redis.log" &
SERVER_PID=$!
for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$PORT" ping >/dev/null
redis-benchmark -p "$PORT" -c 50 -n 400000 -d 32 -r 100000 -t set -P 16 -q >/dev/null 2>&1

commands() {
    redis-cli -p "$PORT" info commandstats |
        python3 -c 'import sys; print(sum(int(l.split("calls=")[1].split(",")[0]) for l in sys.stdin if l.startswith("cmdstat_")))'
}
process_cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }

config() { # users pipeline rate
    local read=50
    [ "$SIDE" = server ] && read=0
    cat >"$WORK/cfg.json" <<JSON
{"testName": "profile", "duration": $((SECONDS_PER_RUN + 20)), "warmupSeconds": 1, "concurrentUsers": $1,
 "requestsPerSecond": $3, "operationMix": {"read": $read, "write": $((100 - read)), "delete": 0, "invalidate": 0},
 "cacheTypes": ["string"], "keySpace": 100000, "keyDistribution": "uniform",
 "valueSize": {"min": 32, "max": 32}, "ttl": 0, "pipeline": $2, "threads": 0, "cleanup": true}
JSON
}

# Samples the running generator GEN_PID (--server: the server) from 2 s in, for SECONDS_PER_RUN;
# prints the row.
profile() { # label
    local cpu0 cpu1 cmd0 cmd1 t0 t1 pid=$GEN_PID
    [ "$SIDE" = server ] && pid=$SERVER_PID
    sleep 2
    if ! kill -0 "$GEN_PID" 2>/dev/null; then
        echo "$1 ended before it was sampled:" >&2
        cat "$WORK/wb.err" >&2 2>/dev/null
        exit 1
    fi
    t0=$(date +%s.%N)
    cmd0=$(commands)
    cpu0=$(process_cpu "$pid")
    perf record -q -F 2000 -e cpu-clock -g -p "$pid" -o "$WORK/perf.data" -- sleep "$SECONDS_PER_RUN" \
        >/dev/null 2>&1
    kill -0 "$GEN_PID" 2>/dev/null && cpu1=$(process_cpu "$pid" 2>/dev/null) || {
        echo "$1 ended while it was sampled:" >&2
        cat "$WORK/wb.err" >&2 2>/dev/null
        exit 1
    }
    cmd1=$(commands)
    t1=$(date +%s.%N)
    kill "$GEN_PID" 2>/dev/null || true
    wait "$GEN_PID" 2>/dev/null || true
    GEN_PID=""
    perf script -i "$WORK/perf.data" -F ip,sym 2>/dev/null |
        python3 bench/load_client_profile.py "$SIDE" "$1" "$cpu0" "$cpu1" "$cmd0" "$cmd1" "$t0" "$t1"
}

run_workbench() { # label users pipeline rate
    config "$2" "$3" "$4"
    "${RT[@]}" taskset -c 1 "$CLI" run --config "$WORK/cfg.json" --target "redis://127.0.0.1:$PORT" \
        --no-save >/dev/null 2>"$WORK/wb.err" &
    GEN_PID=$!
    profile "$1"
}

run_redis_benchmark() { # label pipeline
    "${RT[@]}" taskset -c 1 redis-benchmark -p "$PORT" -c 50 -n 100000000 -d 32 -r 100000 -t set,get \
        -P "$2" -q >/dev/null 2>&1 &
    GEN_PID=$!
    profile "$1"
}

echo "machine: $(nproc) cores, $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$SIDE" = server ]; then
    echo "the server's CPU µs per command, under each generator (SET only), split by what its samples were doing"
    echo
    python3 bench/load_client_profile.py server --header
    for pipeline in 1 16; do
        run_redis_benchmark "under redis-benchmark, pipeline $pipeline (SET test)" "$pipeline"
        run_workbench "under the workbench, pipeline $pipeline (SET only)" 50 "$pipeline" 0
    done
    exit 0
fi
echo "generator's CPU µs per command served, split by what its samples were doing (share of samples)"
echo
python3 bench/load_client_profile.py client --header
run_redis_benchmark "redis-benchmark, pipeline 1 (SET test)" 1
run_workbench "workbench, pipeline 1" 50 1 0
run_redis_benchmark "redis-benchmark, pipeline 16 (SET test)" 16
run_workbench "workbench, pipeline 16" 50 16 0
run_workbench "workbench, open loop 5,000 ops/s, 20 users" 20 1 5000

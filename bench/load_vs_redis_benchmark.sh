#!/usr/bin/env bash
# Compares the workbench's load engine with redis-benchmark on this machine, in one run,
# against one redis-server on loopback: 50 connections, 32-byte values, SET:GET 1:1,
# without pipelining and with pipeline 16. Reports throughput, client CPU per operation
# (user + system, whole process, from GNU time) and server CPU per operation (INFO deltas).
# Then checks open-loop rate accuracy from 1,000 to 50,000 ops/s.
#
#   bench/load_vs_redis_benchmark.sh [--repeat N] [--seconds S] [--soak]
#
# --soak adds a 5-minute open-loop run and reports the workbench's RSS over time.
# Needs: redis-server, redis-benchmark (redis-tools), GNU time, python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

REPEAT=3
SECONDS_PER_RUN=8
SOAK=0
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
        --soak) SOAK=1; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

export BUILD_DIR=${BUILD_DIR:-build}
./scripts/build.sh >/dev/null
CLI=./$BUILD_DIR/app/cache-workbench-cli
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no --dir "$WORK" \
    --logfile "$WORK/redis.log" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

server_counters() { # prints "cpu_seconds commands"
    redis-cli -p "$PORT" info | python3 -c '
import sys
v = dict(l.strip().split(":", 1) for l in sys.stdin if ":" in l)
print(float(v["used_cpu_sys"]) + float(v["used_cpu_user"]), int(v["total_commands_processed"]))'
}

# How many requests redis-benchmark makes per test so it runs about as long as ours.
calibrate_n() {
    local pipeline=$1
    redis-benchmark -p "$PORT" -c 50 -n 200000 -d 32 -r 100000 -t set -P "$pipeline" --csv -q 2>/dev/null |
        python3 -c "import sys,csv; rows=list(csv.reader(sys.stdin)); rps=float(rows[1][1]); print(int(rps*$SECONDS_PER_RUN/2))"
}

run_redis_benchmark() { # pipeline n -> "ops_per_sec client_cpu_us_per_op server_cpu_us_per_op"
    local pipeline=$1 n=$2
    read -r cpu0 cmd0 < <(server_counters)
    /usr/bin/time -f "%U %S" -o "$WORK/time.txt" \
        redis-benchmark -p "$PORT" -c 50 -n "$n" -d 32 -r 100000 -t set,get -P "$pipeline" --csv -q >"$WORK/rb.csv" 2>/dev/null
    read -r cpu1 cmd1 < <(server_counters)
    python3 - "$WORK/rb.csv" "$WORK/time.txt" "$n" "$cpu0" "$cpu1" "$cmd0" "$cmd1" <<'PY'
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if r and r[0] in ("SET", "GET")]
n = int(sys.argv[3])
seconds = sum(n / float(r[1]) for r in rows)          # each test's own measured rate
ops = n * len(rows)
user, system = map(float, open(sys.argv[2]).read().split()[-2:])
server_cpu = float(sys.argv[5]) - float(sys.argv[4])
commands = int(sys.argv[7]) - int(sys.argv[6])
print(f"{ops/seconds:.0f} {(user+system)*1e6/ops:.2f} {server_cpu*1e6/max(commands,1):.2f}")
PY
}

run_workbench() { # pipeline threads -> "ops_per_sec client_cpu_us_per_op server_cpu_us_per_op"
    local pipeline=$1 threads=$2
    cat >"$WORK/cfg.json" <<JSON
{"testName": "set-get-1-1", "duration": $SECONDS_PER_RUN, "concurrentUsers": 50, "requestsPerSecond": 0,
 "operationMix": {"read": 50, "write": 50, "delete": 0, "invalidate": 0}, "cacheTypes": ["string"],
 "keySpace": 100000, "keyDistribution": "uniform", "valueSize": {"min": 32, "max": 32}, "ttl": 0,
 "pipeline": $pipeline, "threads": $threads, "cleanup": false}
JSON
    read -r cpu0 cmd0 < <(server_counters)
    /usr/bin/time -f "%U %S" -o "$WORK/time.txt" \
        "$CLI" run --config "$WORK/cfg.json" --target "redis://127.0.0.1:$PORT" --json "$WORK/wb.json" --no-save \
        >/dev/null 2>"$WORK/wb.err" || { cat "$WORK/wb.err" >&2; exit 1; }
    read -r cpu1 cmd1 < <(server_counters)
    python3 - "$WORK/wb.json" "$WORK/time.txt" "$cpu0" "$cpu1" "$cmd0" "$cmd1" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
ops = doc["summary"]["operations"]
user, system = map(float, open(sys.argv[2]).read().split()[-2:])
server_cpu = float(sys.argv[4]) - float(sys.argv[3])
commands = int(sys.argv[6]) - int(sys.argv[5])
print(f"{doc['summary']['throughput']:.0f} {(user+system)*1e6/ops:.2f} {server_cpu*1e6/max(commands,1):.2f}")
PY
}

median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }

echo "machine: $(nproc) cores, $(uname -r); redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'); $REPEAT runs each, median"
echo
echo "| tool | pipeline | ops/s | client CPU µs/op | server CPU µs/op |"
echo "|---|---|---|---|---|"
for pipeline in 1 16; do
    n=$(calibrate_n "$pipeline")
    declare -A tput cpu scpu
    for tool in redis-benchmark workbench-2-threads workbench-1-thread; do tput[$tool]=""; cpu[$tool]=""; scpu[$tool]=""; done
    for _ in $(seq "$REPEAT"); do
        # Alternate the tools so drift on the machine hits them alike.
        read -r a b c < <(run_redis_benchmark "$pipeline" "$n"); tput[redis-benchmark]+=" $a"; cpu[redis-benchmark]+=" $b"; scpu[redis-benchmark]+=" $c"
        read -r a b c < <(run_workbench "$pipeline" 2); tput[workbench-2-threads]+=" $a"; cpu[workbench-2-threads]+=" $b"; scpu[workbench-2-threads]+=" $c"
        read -r a b c < <(run_workbench "$pipeline" 1); tput[workbench-1-thread]+=" $a"; cpu[workbench-1-thread]+=" $b"; scpu[workbench-1-thread]+=" $c"
    done
    for tool in redis-benchmark workbench-2-threads workbench-1-thread; do
        # shellcheck disable=SC2086
        printf "| %s | %s | %.0f | %.2f | %.2f |\n" "$tool" "$pipeline" "$(median ${tput[$tool]})" "$(median ${cpu[$tool]})" "$(median ${scpu[$tool]})"
    done
done

echo
echo "Open loop: achieved rate against the target (50 users, 5 s measured, 1 s warm-up)"
echo
echo "| target ops/s | achieved ops/s | deviation | p99 ms |"
echo "|---|---|---|---|"
for rate in 1000 5000 10000 20000 50000; do
    "$CLI" run --preset basic-cache-load --target "redis://127.0.0.1:$PORT" --users 50 --rps "$rate" --duration 5 \
        --warmup 1 --json "$WORK/open.json" --no-save >/dev/null 2>&1
    python3 - "$WORK/open.json" "$rate" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); target = float(sys.argv[2])
achieved = doc["summary"]["operations"] / doc["measuredSeconds"]
print(f"| {target:.0f} | {achieved:.1f} | {100*(achieved-target)/target:+.2f}% | {doc['summary']['latencyUs']['p99']/1000:.3f} |")
PY
done

if [ "$SOAK" = 1 ]; then
    echo
    echo "Soak: 5 minutes open loop at 20,000 ops/s, 200 users; workbench RSS per minute"
    "$CLI" run --preset basic-cache-load --target "redis://127.0.0.1:$PORT" --users 200 --rps 20000 --duration 300 \
        --warmup 10 --json "$WORK/soak.json" --no-save >/dev/null 2>&1
    python3 - "$WORK/soak.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); s = doc["series"]
for i in range(0, len(s), 60):
    print(f"  t={s[i]['t']:.0f}s rss={s[i]['clientRssBytes']/1048576:.2f} MiB ops/s={s[i]['opsPerSec']:.0f}")
first, last = s[0]["clientRssBytes"], s[-1]["clientRssBytes"]
print(f"  RSS growth after warm-up: {100*(last-first)/first:+.2f}% ({first/1048576:.2f} -> {last/1048576:.2f} MiB)")
PY
fi

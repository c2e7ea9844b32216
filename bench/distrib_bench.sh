#!/usr/bin/env bash
# Distributed runs (issue 18): what coordination costs, on this machine, against private
# redis-servers on loopback (a target and a coordination server, both killed at the end).
#
#   bench/distrib_bench.sh [--rounds N] [--seconds S] [--agents N] [--rate R] [--only a|b] [--check] [--no-pin]
#
# (a) Coordination overhead: the same closed-loop load - 50 users, SET:GET 1:1, 32 B values over
#     100,000 keys, no pipelining, load_vs_redis_benchmark.sh's workload - once as a plain `run`
#     and once as `run --coordinator --agents all` over 2 agent processes, alternating, N rounds
#     (default 3). ops/s is each run's own figure: successful operations over the measured window
#     (for the distributed run: every agent's operations over the longest agent's window). With
#     2+ cores the target runs on CPU 0 and everything else (the plain run; or the agents, the
#     coordinator and the coordination server) on CPU 1, so both sides get the same one core, and
#     the plain run gets as many worker threads as the agents have together (each agent sizes its
#     own pool: one thread on one core), since on a busy core the scheduler shares time per thread.
# (b) Many agents: --agents agent processes (default 50), one user each at --rate ops/s each
#     (default 20, open loop), one coordinator, a 20 s run, placed by the scheduler (52 processes
#     on one pinned core would measure the machine's other load more than the coordinator).
#     Over a window of 15 s inside the load (2 s after it starts):
#       coordinator CPU   the coordinating `run` process's user + system time (/proc/PID/stat)
#                         over the window, as % of one core
#       agents' CPU       the same over all agent processes, per agent
#       results stream    the bytes of the run's events stream entries the agents wrote
#                         ("second" messages: key, field names and values as sent in XADD), per
#                         agent and measured second of the run
#       inbound bytes     everything every client sent the coordination server over the window
#                         (INFO stats total_net_input_bytes delta: the seconds, agents'
#                         heartbeats and checks, the coordinator's reads), per agent and second;
#                         outbound likewise (what the coordinator and the agents read)
#     and that the result merged every agent (its agents list: all finished, status completed).
# --check exits 1 when a goal does not hold (the goals are printed either way). The machine
# should be otherwise idle: the load average and idle share before and after are printed.
# CWB_BENCH_CLI=PATH measures that build of cache-workbench-cli instead of building ./build.
# Needs: redis-server, redis-cli (7.0: --json), python3, taskset. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=3
SECONDS_PER_RUN=8
WARMUP=3 # seconds: fills each run's fresh key namespace before its measured window
AGENTS=50
RATE=20
MANY_SECONDS=20
WINDOW=15
CHECK=0
PIN=1
ONLY=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS=$2; shift 2 ;;
        --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
        --agents) AGENTS=$2; shift 2 ;;
        --rate) RATE=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        --check) CHECK=1; shift ;;
        --no-pin) PIN=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ "$AGENTS" -ge 2 ] || { echo "--agents must be at least 2" >&2; exit 2; }

export BUILD_DIR=${BUILD_DIR:-build}
if [ -n "${CWB_BENCH_CLI:-}" ]; then # a command-line tool built elsewhere
    CLI=$(realpath "$CWB_BENCH_CLI")
else
    ./scripts/build.sh >/dev/null
    CLI=$PWD/$BUILD_DIR/app/cache-workbench-cli
fi
WORK=$(mktemp -d)
TARGET_CPU=()
CLIENT_CPU=()
if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ]; then
    TARGET_CPU=(taskset -c 0)
    CLIENT_CPU=(taskset -c 1)
fi

SERVER_PIDS=()
AGENT_PIDS=()
stop_agents() { # SIGTERM each agent this script started, then wait for it
    local pid
    for pid in "${AGENT_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${AGENT_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    AGENT_PIDS=()
}
cleanup() {
    stop_agents
    local pid
    for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_server() { # port cpu... -> a private redis-server on loopback, its pid in SERVER_PIDS
    local port=$1
    shift
    "$@" redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
        --dir "$WORK" --logfile "$WORK/redis-$port.log" &
    SERVER_PIDS+=($!)
    for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
    redis-cli -p "$port" ping >/dev/null
}
start_agents() { # coordination port, count, name prefix; placed by AGENT_CPU
    local i
    for i in $(seq "$2"); do
        "${AGENT_CPU[@]}" "$CLI" agent --coordinator "redis://127.0.0.1:$1" --name "$3-$i" \
            --allow-target "redis://127.0.0.1:$TARGET_PORT" >"$WORK/agent-$3-$i.log" 2>&1 &
        AGENT_PIDS+=($!)
    done
    for _ in $(seq 600); do
        [ "$(redis-cli -p "$1" --scan --pattern 'cwb:coord:agent:*' | wc -l)" -ge "$2" ] && return
        sleep 0.1
    done
    echo "only $(redis-cli -p "$1" --scan --pattern 'cwb:coord:agent:*' | wc -l) of $2 agents registered" >&2
    exit 1
}
target_calls() { redis-cli -p "$TARGET_PORT" info commandstats | awk -F'calls=|,' '/^cmdstat_/ {n += $2} END {print n + 0}'; }
info_field() { redis-cli -p "$1" info stats | tr -d '\r' | awk -F: -v f="$2" '$1 == f {print $2}'; }

TARGET_PORT=$(free_port)
start_server "$TARGET_PORT" "${TARGET_CPU[@]}"
COORD_PORT=$(free_port)
start_server "$COORD_PORT" "${CLIENT_CPU[@]}"
RCLI=(redis-cli -p "$TARGET_PORT")
# shellcheck source=bench/load_bench_common.sh
source bench/load_bench_common.sh

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_BEFORE=$(idle_percent 3)
echo "machine: $(nproc) cores, $(uname -r); redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/')"
echo "before: load average $LOAD_BEFORE, CPU idle ${IDLE_BEFORE}% over 3 s$([ ${#TARGET_CPU[@]} -gt 0 ] && echo "; target pinned to CPU 0, (a)'s generators and coordination to CPU 1")"
echo

RATIO=-
COORD_CPU=- STREAM_KIB=- INBOUND_KIB=- MERGED=- MANY_STATUS=-

run_closed() { # plain|distributed -> "ops_per_sec worker_threads"
    local extra=(--threads "$PLAIN_THREADS")
    [ "$1" = distributed ] && extra=(--coordinator "redis://127.0.0.1:$COORD_PORT" --agents all)
    "${CLIENT_CPU[@]}" "$CLI" run --config "$WORK/closed.json" --target "redis://127.0.0.1:$TARGET_PORT" \
        "${extra[@]}" --json "$WORK/$1.json" --no-save >/dev/null 2>"$WORK/$1.err" || {
        cat "$WORK/$1.err" >&2
        exit 1
    }
    python3 - "$WORK/$1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["status"] == "completed", d["failureReason"]
print(d["summary"]["throughput"], d["client"].get("workerThreads", 0))
PY
}

# (a): sets RATIO.
measure_overhead() {
    echo "(a) closed loop: 50 users, 32 B values, SET:GET 1:1 over 100k keys, ${WARMUP} s warm-up + ${SECONDS_PER_RUN} s;"
    echo "    plain run vs 2 agents + coordinator, $ROUNDS interleaved rounds"
    echo
    AGENT_CPU=("${CLIENT_CPU[@]}")
    start_agents "$COORD_PORT" 2 overhead
    write_config "$WORK/closed.json" 50 1 0 "$SECONDS_PER_RUN" "$WARMUP"
    echo "| round | plain run ops/s | 2 agents ops/s | ratio |"
    echo "|---|---|---|---|"
    declare -A RATES=() THREADS=()
    PLAIN_THREADS=0 # until the first distributed run says how many the agents chose
    for round in $(seq "$ROUNDS"); do
        # Alternating, so that drift on the machine hits both alike; the distributed run first, so
        # that the plain run gets as many worker threads as the agents chose together.
        order="distributed plain"
        [ $((round % 2)) = 0 ] && order="plain distributed"
        declare -A now=()
        for kind in $order; do
            run_closed "$kind" >"$WORK/row.txt" # not in a process substitution: its failure must stop the script
            read -r rate threads <"$WORK/row.txt"
            now[$kind]=$rate
            RATES[$kind]+=" $rate"
            THREADS[$kind]=$threads
            [ "$kind" = distributed ] && PLAIN_THREADS=$threads
        done
        printf "| %s | %.0f | %.0f | %.3f |\n" "$round" "${now[plain]}" "${now[distributed]}" \
            "$(python3 -c "print(${now[distributed]} / ${now[plain]})")"
    done
    # shellcheck disable=SC2086
    RATIO=$(python3 -c "print($(median ${RATES[distributed]}) / $(median ${RATES[plain]}))")
    # shellcheck disable=SC2086
    echo "| median (min-max) | $(summary 0 ${RATES[plain]}) | $(summary 0 ${RATES[distributed]}) | $(printf %.3f "$RATIO") |"
    echo
    echo "worker threads: plain run ${THREADS[plain]}, the 2 agents together ${THREADS[distributed]}"
    stop_agents
}

agents_cpu() { local pid; for pid in "${AGENT_PIDS[@]}"; do process_cpu "$pid"; done | awk '{t += $1} END {print t + 0}'; }

# (b): sets COORD_CPU, STREAM_KIB, INBOUND_KIB, MERGED, MANY_STATUS.
measure_many_agents() {
    echo
    echo "(b) $AGENTS agent processes, 1 user each at $RATE ops/s (open loop), one coordinator, ${MANY_SECONDS} s;"
    echo "    measured over ${WINDOW} s inside the load"
    echo
    MANY_PORT=$(free_port) # a coordination server of its own, so its counters are this run's alone
    start_server "$MANY_PORT"
    AGENT_CPU=()
    start_agents "$MANY_PORT" "$AGENTS" many
    write_config "$WORK/many.json" "$AGENTS" 1 "$((AGENTS * RATE))" "$MANY_SECONDS" 1
    calls0=$(target_calls)
    "$CLI" run --config "$WORK/many.json" --target "redis://127.0.0.1:$TARGET_PORT" \
        --coordinator "redis://127.0.0.1:$MANY_PORT" --agents all --json "$WORK/many-result.json" --no-save \
        >/dev/null 2>"$WORK/many.err" &
    COORDINATOR=$!
    for _ in $(seq 600); do # the load starts at the common instant, about 2 s after the start messages
        [ $(($(target_calls) - calls0)) -gt "$AGENTS" ] && break
        sleep 0.05
    done
    sleep 2
    in0=$(info_field "$MANY_PORT" total_net_input_bytes)
    out0=$(info_field "$MANY_PORT" total_net_output_bytes)
    cpu0=$(process_cpu "$COORDINATOR")
    acpu0=$(agents_cpu)
    t0=$(date +%s.%N)
    sleep "$WINDOW"
    in1=$(info_field "$MANY_PORT" total_net_input_bytes)
    out1=$(info_field "$MANY_PORT" total_net_output_bytes)
    cpu1=$(process_cpu "$COORDINATOR")
    acpu1=$(agents_cpu)
    t1=$(date +%s.%N)
    # A run that lost agents still writes its result: the table below says which and why.
    wait "$COORDINATOR" || [ -s "$WORK/many-result.json" ] || { cat "$WORK/many.err" >&2; exit 1; }
    if [ -z "$cpu0" ] || [ -z "$cpu1" ]; then
        echo "the coordinator ended before the window did" >&2
        exit 1
    fi
    RUN_ID=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['runId'])" "$WORK/many-result.json")
    # The events stream outlives the run by an hour: every entry the agents wrote, as sent.
    python3 - "$MANY_PORT" "$RUN_ID" >"$WORK/stream.txt" <<'PY'
import json, subprocess, sys
port, run = sys.argv[1], sys.argv[2]
key = f"cwb:coord:run:{run}:events"
# XRANGE in pages; each entry's bytes as XADD sent them: key, id "*", field names and values.
total = seconds = 0
start = "-"
while True:
    out = subprocess.run(["redis-cli", "-p", port, "--json", "xrange", key, start, "+", "count", "1000"],
                         capture_output=True, check=True, text=True).stdout
    entries = json.loads(out)
    if not entries:
        break
    for entry_id, fields in entries:
        values = dict(zip(fields[0::2], fields[1::2]))
        if values.get("kind") == "second":
            total += len(key) + 1 + sum(len(f.encode()) for f in fields)
            seconds += 1
    start = "(" + entries[-1][0]
print(total, seconds)
PY
    read -r STREAM_BYTES STREAM_SECONDS <"$WORK/stream.txt"
    python3 - "$WORK/many-result.json" "$AGENTS" "$RATE" "$cpu0" "$cpu1" "$acpu0" "$acpu1" "$t0" "$t1" \
        "$in0" "$in1" "$out0" "$out1" "$STREAM_BYTES" "$STREAM_SECONDS" "$calls0" "$(target_calls)" >"$WORK/many.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
agents, rate = int(sys.argv[2]), float(sys.argv[3])
cpu0, cpu1, acpu0, acpu1, t0, t1 = map(float, sys.argv[4:10])
in0, in1, out0, out1, stream_bytes, stream_seconds, calls0, calls1 = map(int, sys.argv[10:18])
window = t1 - t0
merged = [a for a in d["agents"] if a["state"] == "finished" and a["status"] == "completed"]
coordinator = 100 * (cpu1 - cpu0) / window
per_agent_cpu = 100 * (acpu1 - acpu0) / window / agents
stream = stream_bytes / max(1, stream_seconds) / 1024 # per agent-second: each entry is one agent's second
inbound = (in1 - in0) / window / agents / 1024
outbound = (out1 - out0) / window / agents / 1024
achieved = d["summary"]["operations"] / d["measuredSeconds"]
print(f"| coordinator CPU (user + system) | {coordinator:.2f} % of one core |")
print(f"| agents' CPU, per agent | {per_agent_cpu:.2f} % of one core |")
print(f"| results stream, per agent | {stream:.2f} KiB/s ({stream_seconds} second messages, {stream_bytes / max(1, stream_seconds):.0f} B each) |")
print(f"| all bytes into the coordination server, per agent | {inbound:.2f} KiB/s |")
print(f"| all bytes out of the coordination server, per agent | {outbound:.2f} KiB/s |")
print(f"| merged | {len(d['agents'])} agents in the result, {len(merged)} finished and completed; status {d['status']} |")
lost = {}
for a in d["agents"]:
    if a not in merged:
        reason = a["failureReason"] or a["state"]
        lost.setdefault(reason, []).append(a["agent"])
for reason, names in lost.items():
    print(f"| not merged | {len(names)} agents ({', '.join(names[:5])}{', ...' if len(names) > 5 else ''}): {reason} |")
print(f"| load | {achieved:.0f} ops/s over {d['measuredSeconds']:.1f} s (target {agents * rate:.0f}); target served {calls1 - calls0} commands |")
print(f"{coordinator} {stream} {inbound} {len(merged)} {d['status']}")
PY
    echo "| figure | value |"
    echo "|---|---|"
    head -n -1 "$WORK/many.txt"
    read -r COORD_CPU STREAM_KIB INBOUND_KIB MERGED MANY_STATUS < <(tail -1 "$WORK/many.txt")
    stop_agents
}

[ "$ONLY" = b ] || measure_overhead
[ "$ONLY" = a ] || measure_many_agents
echo
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg), CPU idle $(idle_percent 3)% over 3 s"
[ "$IDLE_BEFORE" -lt 90 ] && echo "warning: the machine was busy (${IDLE_BEFORE}% idle before the run): figures are not a reference"

python3 - "$RATIO" "$COORD_CPU" "$STREAM_KIB" "$INBOUND_KIB" "$MERGED" "$AGENTS" "$MANY_STATUS" "$CHECK" <<'PY'
import sys
agents, status, check = int(sys.argv[6]), sys.argv[7], sys.argv[8] == "1"
goals = []
if sys.argv[1] != "-":
    ratio = float(sys.argv[1])
    goals.append(("2 agents vs one plain run, closed loop: ops/s >= 0.97x", f"{ratio:.3f}x", ratio >= 0.97))
if sys.argv[2] != "-":
    cpu, stream, inbound, merged = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
    goals += [
        (f"{agents} agents: coordinator CPU < 10 % of a core", f"{cpu:.2f} %", cpu < 10),
        (f"{agents} agents: results stream < 20 KiB/s per agent", f"{stream:.2f} KiB/s", stream < 20),
        (f"{agents} agents: everything sent to the coordination server < 20 KiB/s per agent", f"{inbound:.2f} KiB/s",
         inbound < 20),
        (f"{agents} agents: all merged", f"{merged} of {agents}, {status}", merged == agents and status == "completed"),
    ]
print()
print("| goal (issue 18) | measured | |")
print("|---|---|---|")
failed = 0
for name, value, ok in goals:
    print(f"| {name} | {value} | {'met' if ok else 'NOT MET'} |")
    failed += not ok
sys.exit(1 if check and failed else 0)
PY

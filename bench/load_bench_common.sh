# Shared by the load benchmarks (load_vs_redis_benchmark.sh, load_tls_vs_redis_benchmark.sh,
# load_floor.sh): the private server, the machine's idle share, the server's counters,
# per-operation figures and the workbench's config.
# The caller sets (arrays) RCLI, the redis-cli command line that reaches its server, RB the
# redis-benchmark one, WB_TARGET the workbench's --target (and TLS) options, CLIENT_CPU the
# generators' placement; and CLI, WORK, SECONDS_PER_RUN, WARMUP.

# Stops, however the script ends, the processes whose pids the variables named here hold (a
# generator, a pauser) and the server (SERVER_PID), and removes WORK.
clean_up_on_exit() { # pid-variable names
    BENCH_PID_VARS=("$@" SERVER_PID)
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM HUP
}
bench_cleanup() {
    local name pid
    for name in "${BENCH_PID_VARS[@]}"; do
        pid=${!name:-}
        if [ -n "$pid" ]; then
            kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
}

# Starts the private redis-server on a free loopback port, placed by SERVER_CPU, its files in
# WORK, and waits until it answers; sets PORT and SERVER_PID (the caller's cleanup stops it).
start_private_server() {
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    "${SERVER_CPU[@]}" redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
        --dir "$WORK" --logfile "$WORK/redis.log" &
    SERVER_PID=$!
    for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -p "$PORT" ping >/dev/null
}

# Percentage of the machine's CPU time that was idle over the next N seconds.
idle_percent() {
    python3 - "$1" <<'PY'
import sys, time
def sample():
    v = [int(x) for x in open("/proc/stat").readline().split()[1:9]]
    return sum(v), v[3] + v[4]
t0, i0 = sample(); time.sleep(float(sys.argv[1])); t1, i1 = sample()
print(f"{100 * (i1 - i0) / max(1, t1 - t0):.0f}")
PY
}

server_counters() { # prints "cpu_seconds commands usec_in_commands"
    "${RCLI[@]}" info everything | python3 -c '
import sys
cpu = calls = usec = 0.0
for line in sys.stdin:
    if line.startswith(("used_cpu_sys:", "used_cpu_user:")):
        cpu += float(line.split(":")[1])
    elif line.startswith("cmdstat_"):
        calls += int(line.split("calls=")[1].split(",")[0])
        usec += int(line.split("usec=")[1].split(",")[0])
print(cpu, int(calls), int(usec))'
}

# "ops_per_sec client_us_per_op server_us_per_op server_us_per_call" from the counters around a
# run; the last is commandstats' time inside the commands themselves.
per_op() { # ops_per_sec time_file cpu0 cmd0 usec0 cpu1 cmd1 usec1
    python3 - "$@" <<'PY'
import sys
rate, timefile = float(sys.argv[1]), sys.argv[2]
cpu0, cmd0, usec0, cpu1, cmd1, usec1 = (float(x) for x in sys.argv[3:9])
user, system = map(float, open(timefile).read().split()[-2:])
calls = max(1, cmd1 - cmd0)
print(f"{rate:.0f} {(user + system) * 1e6 / calls:.3f} {(cpu1 - cpu0) * 1e6 / calls:.3f} {(usec1 - usec0) / calls:.3f}")
PY
}

write_config() { # file users pipeline rate seconds warmup
    cat >"$1" <<JSON
{"testName": "bench-set-get-1-1", "duration": $5, "warmupSeconds": $6, "concurrentUsers": $2,
 "requestsPerSecond": $4, "operationMix": {"read": 50, "write": 50, "delete": 0, "invalidate": 0},
 "cacheTypes": ["string"], "keySpace": 100000, "keyDistribution": "uniform",
 "valueSize": {"min": 32, "max": 32}, "ttl": 0, "pipeline": $3, "threads": 0, "cleanup": true}
JSON
}

process_cpu() { # pid -> user + system seconds so far; empty once the process is gone
    awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || true
}

# "median (min-max)" of the numbers given.
summary() {
    python3 -c '
import statistics, sys
v = [float(x) for x in sys.argv[2:]]
fmt = "{:.0f}" if sys.argv[1] == "0" else "{:.%sf}" % sys.argv[1]
print(fmt.format(statistics.median(v)), "(" + fmt.format(min(v)) + "-" + fmt.format(max(v)) + ")")' "$@"
}
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }


# redis-benchmark's keys ("key:" and 12 digits, 100,000 of them) exist only around its runs:
# written before each (so its SETs overwrite and its GETs hit, as the workbench's do after its
# warm-up) and removed after, so that under every tool the server holds that tool's 100,000 keys
# and no others. Left in place, they doubled the key space the server looked keys up in while the
# workbench ran (its own 100,000 under its run's namespace beside them).
prefill_rb_keys() {
    "${RB[@]}" -c 50 -n 400000 -d 32 -r 100000 -t set -P 16 -q >/dev/null 2>&1
}
drop_rb_keys() {
    "${RCLI[@]}" --scan --pattern 'key:*' | awk '{print "UNLINK", $0}' | "${RCLI[@]}" --pipe >/dev/null
}

# How many requests redis-benchmark makes per test so its two tests take about S seconds.
calibrate_n() {
    local pipeline=$1
    "${CLIENT_CPU[@]}" "${RB[@]}" -c 50 -n 200000 -d 32 -r 100000 -t set -P "$pipeline" --csv -q 2>/dev/null |
        python3 -c "import sys,csv; rows=list(csv.reader(sys.stdin)); print(int(float(rows[1][1])*$SECONDS_PER_RUN/2))"
    drop_rb_keys
}

run_redis_benchmark() { # pipeline n
    local pipeline=$1 n=$2 cpu0 cmd0 usec0 cpu1 cmd1 usec1 rate
    prefill_rb_keys
    read -r cpu0 cmd0 usec0 < <(server_counters)
    "${CLIENT_CPU[@]}" /usr/bin/time -f "%U %S" -o "$WORK/time.txt" \
        "${RB[@]}" -c 50 -n "$n" -d 32 -r 100000 -t set,get -P "$pipeline" --csv -q \
        >"$WORK/rb.csv" 2>/dev/null
    read -r cpu1 cmd1 usec1 < <(server_counters)
    drop_rb_keys
    rate=$(python3 - "$WORK/rb.csv" "$n" <<'PY'
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if r and r[0] in ("SET", "GET")]
n = int(sys.argv[2])
print(n * len(rows) / sum(n / float(r[1]) for r in rows))   # each test at its own measured rate
PY
)
    per_op "$rate" "$WORK/time.txt" "$cpu0" "$cmd0" "$usec0" "$cpu1" "$cmd1" "$usec1"
}

# Each workbench run writes a fresh key namespace of its own (and removes it afterwards), so
# its first SETs create keys where redis-benchmark's overwrite them. Its counters are therefore
# taken inside its measured window, after a warm-up that fills the namespace, and before the end
# and the cleanup: server CPU and commands from INFO, the workbench's CPU from /proc.
run_workbench() { # pipeline
    local cpu0 cmd0 usec0 cpu1 cmd1 usec1 rate pid start cli0 cli1
    # 2 s more than the window: polling INFO from a shell is slow on a busy machine, and the
    # window must close before the run does.
    write_config "$WORK/cfg.json" 50 "$1" 0 $((SECONDS_PER_RUN + 2)) "$WARMUP"
    read -r _ start _ < <(server_counters)
    "${CLIENT_CPU[@]}" "$CLI" run --config "$WORK/cfg.json" "${WB_TARGET[@]}" --json "$WORK/wb.json" \
        --no-save >/dev/null 2>"$WORK/wb.err" &
    pid=$!
    for _ in $(seq 600); do # the load starts once every connection is up
        read -r _ cmd0 _ < <(server_counters)
        [ $((cmd0 - start)) -gt 1000 ] && break
        sleep 0.05
    done
    sleep "$WARMUP.5"
    read -r cpu0 cmd0 usec0 < <(server_counters)
    cli0=$(process_cpu "$pid")
    sleep $((SECONDS_PER_RUN - 1))
    read -r cpu1 cmd1 usec1 < <(server_counters)
    cli1=$(process_cpu "$pid")
    wait "$pid" || { cat "$WORK/wb.err" >&2; exit 1; }
    if [ -z "$cli0" ] || [ -z "$cli1" ]; then
        echo "the workbench ended before its measured window did:" >&2
        cat "$WORK/wb.err" >&2
        exit 1
    fi
    echo "$cli0 $cli1" | awk '{print "0", $2 - $1}' >"$WORK/time.txt" # "user system" as GNU time writes it
    rate=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['throughput'])" "$WORK/wb.json")
    per_op "$rate" "$WORK/time.txt" "$cpu0" "$cmd0" "$usec0" "$cpu1" "$cmd1" "$usec1"
}


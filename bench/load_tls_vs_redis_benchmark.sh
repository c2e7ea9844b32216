#!/usr/bin/env bash
# Compares the workbench's load engine over TLS with `redis-benchmark --tls` in one run, against
# one private redis-server on loopback that listens on a TLS port and a plain-text port: 50
# connections, 32-byte values, SET:GET 1:1 over 100,000 keys, without pipelining and with
# pipeline 16 (issue 17). The workbench also runs over plain text against the same server in the
# same rounds, so the cost of TLS is measured beside it. The certificates are made for the run
# (openssl, a throw-away CA in a temporary folder) and removed with it.
#
#   bench/load_tls_vs_redis_benchmark.sh [--repeat N] [--seconds S] [--no-pin]
#
# The tools alternate, N rounds (default 3); each figure is the median with the spread (min-max).
# Columns as in load_vs_redis_benchmark.sh (whose helpers, load_bench_common.sh, this reuses):
# ops/s is the tool's own measured rate; client CPU µs/op the generator's user + system time per
# command the server served for it; server CPU µs/command from INFO over the same commands.
# Needs: redis-server built with TLS (Debian's is), redis-cli, redis-benchmark (redis-tools),
# openssl, GNU time, python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

REPEAT=3
SECONDS_PER_RUN=6
WARMUP=5
PIN=1
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
        --no-pin) PIN=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ "$SECONDS_PER_RUN" -ge 3 ] || { echo "--seconds must be at least 3" >&2; exit 2; }
export BUILD_DIR=${BUILD_DIR:-build}
[ -n "${CWB_BENCH_NO_BUILD:-}" ] || ./scripts/build.sh >/dev/null
CLI=$PWD/$BUILD_DIR/app/cache-workbench-cli
# shellcheck source=bench/tls_bench_server.sh
source bench/tls_bench_server.sh
bench_workspace
start_tls_server

# The counters come over the plain-text port: the same server, and no TLS cost in the sampling.
RCLI=(redis-cli -p "$PORT")
RB=(redis-benchmark -p "$TLS_PORT" --tls --cacert "$CA")
# shellcheck source=bench/load_bench_common.sh
source bench/load_bench_common.sh


LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_BEFORE=$(idle_percent 3)
echo "machine: $(nproc) cores, $(uname -r); redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'); $(openssl version | cut -d' ' -f1-2)"
echo "before: load average $LOAD_BEFORE, CPU idle ${IDLE_BEFORE}% over 3 s$([ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ] && echo "; server pinned to CPU 0, generators to CPU 1")"
echo "closed loop over TLS: 50 connections, 32 B values, SET:GET 1:1 over 100k keys; $REPEAT interleaved rounds, median (min-max)"
echo
echo "| tool | pipeline | ops/s | client CPU µs/op | server CPU µs/command | server µs/call in commands |"
echo "|---|---|---|---|---|---|"
TOOLS="redis-benchmark-tls workbench-tls workbench-plain"
declare -A RESULT
for pipeline in 1 16; do
    n=$(calibrate_n "$pipeline")
    declare -A tput=() ccpu=() scpu=() call=()
    for round in $(seq "$REPEAT"); do
        order=$TOOLS
        [ $((round % 2)) = 0 ] && order="workbench-plain workbench-tls redis-benchmark-tls"
        for tool in $order; do
            case $tool in
                redis-benchmark-tls) read -r a b c d < <(run_redis_benchmark "$pipeline" "$n") ;;
                workbench-tls)
                    WB_TARGET=(--target "rediss://127.0.0.1:$TLS_PORT" --tls-ca "$CA")
                    read -r a b c d < <(run_workbench "$pipeline") ;;
                workbench-plain)
                    WB_TARGET=(--target "redis://127.0.0.1:$PORT")
                    read -r a b c d < <(run_workbench "$pipeline") ;;
            esac
            tput[$tool]+=" $a"; ccpu[$tool]+=" $b"; scpu[$tool]+=" $c"; call[$tool]+=" $d"
        done
    done
    for tool in $TOOLS; do
        # shellcheck disable=SC2086
        printf "| %s | %s | %s | %s | %s | %s |\n" "$tool" "$pipeline" "$(summary 0 ${tput[$tool]})" \
            "$(summary 2 ${ccpu[$tool]})" "$(summary 3 ${scpu[$tool]})" "$(summary 3 ${call[$tool]})"
        # shellcheck disable=SC2086
        RESULT[$tool-$pipeline]="$(median ${tput[$tool]}) $(median ${ccpu[$tool]})"
    done
done

echo
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg), CPU idle $(idle_percent 3)% over 3 s"
[ "$IDLE_BEFORE" -lt 90 ] && echo "warning: the machine was busy (${IDLE_BEFORE}% idle before the run): figures are not a reference"

echo
echo "| goal (issue 17) | measured | |"
echo "|---|---|---|"
for pipeline in 1 16; do
    read -r rb_t rb_c <<<"${RESULT[redis-benchmark-tls-$pipeline]}"
    read -r wb_t wb_c <<<"${RESULT[workbench-tls-$pipeline]}"
    python3 - "$pipeline" "$rb_t" "$rb_c" "$wb_t" "$wb_c" <<'PY'
import sys
p = sys.argv[1]
rb_t, rb_c, wb_t, wb_c = map(float, sys.argv[2:])
for name, value, ok in ((f"pipeline {p}: TLS ops/s >= 1.0x redis-benchmark --tls", wb_t / rb_t, wb_t >= rb_t),
                        (f"pipeline {p}: TLS client CPU/op <= redis-benchmark --tls", wb_c / rb_c, wb_c <= rb_c)):
    print(f"| {name} | {value:.2f}x | {'met' if ok else 'NOT MET'} |")
PY
done

#!/usr/bin/env bash
# Handshake time for 1,000 TLS connections (issue 17): how long the workbench's load engine takes
# to connect 1,000 virtual users to one private redis-server on loopback over TLS (TCP connect,
# TLS handshake in the workers' epoll loops, ready to send), by its own connect accounting
# (bench/tls_connect_bench.cpp), and over plain text to the same server for the cost of TLS. In
# the same rounds, for scale, redis-benchmark --tls with 1,000 clients making one PING each: its
# whole run (process start, connects, handshakes and 1,000 round trips), since redis-benchmark does
# not report its connect time on its own. The certificates are made for the run and removed with it.
#
#   bench/tls_handshake_bench.sh [--repeat N] [--users N] [--no-pin]
#
# The tools alternate, N rounds (default 5); each figure is the median with the spread (min-max).
# Needs: redis-server built with TLS (Debian's is), redis-cli, redis-benchmark, openssl, GNU time,
# python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

REPEAT=5
USERS=1000
PIN=1
while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --users) USERS=$2; shift 2 ;;
        --no-pin) PIN=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
export BUILD_DIR=${BUILD_DIR:-build}
[ -n "${CWB_BENCH_NO_BUILD:-}" ] || cmake --build "$BUILD_DIR" -j2 --target cwb_tls_connect_bench >/dev/null
BENCH=$PWD/$BUILD_DIR/bench/cwb_tls_connect_bench
# shellcheck source=bench/tls_bench_server.sh
source bench/tls_bench_server.sh
bench_workspace
ulimit -n "$(ulimit -Hn)" # a socket per connection, for redis-benchmark too
# An accept queue for every connection at once: with the default (511) the rest wait for a SYN
# retransmit (1 s), which measures the server's backlog, not the handshakes.
start_tls_server --maxclients $((USERS + 100)) --tcp-backlog $((USERS + 100))
# shellcheck source=bench/load_bench_common.sh
source bench/load_bench_common.sh

workbench() { # URI -> "milliseconds to every user connected" "client CPU ms per connection"
    "${CLIENT_CPU[@]}" "$BENCH" "$1" --users "$USERS" --repeat 1 |
        sed -n 's/^run 1: [0-9]* connections in \([0-9.]*\) ms.*client CPU \([0-9.]*\) ms per connection/\1 \2/p'
}
redis_benchmark() { # extra options -> milliseconds for the whole run
    "${CLIENT_CPU[@]}" /usr/bin/time -f "%e" -o "$WORK/time.txt" \
        redis-benchmark "$@" -c "$USERS" -n "$USERS" -t ping_mbulk -q >/dev/null 2>"$WORK/rb.err" ||
        { cat "$WORK/rb.err" >&2; exit 1; }
    python3 -c "print(float(open('$WORK/time.txt').read().split()[-1]) * 1000)"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
IDLE_BEFORE=$(idle_percent 3)
echo "machine: $(nproc) cores, $(uname -r); redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'); $(openssl version | cut -d' ' -f1-2)"
echo "before: load average $LOAD_BEFORE, CPU idle ${IDLE_BEFORE}% over 3 s$([ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ] && echo "; server pinned to CPU 0, clients to CPU 1")"
echo "$USERS connections, $REPEAT interleaved rounds, median (min-max) in ms"
echo
declare -A TIMES=() CPU=()
TOOLS="workbench-tls workbench-plain redis-benchmark-tls redis-benchmark-plain"
for round in $(seq "$REPEAT"); do
    order=$TOOLS
    [ $((round % 2)) = 0 ] && order="redis-benchmark-plain redis-benchmark-tls workbench-plain workbench-tls"
    for tool in $order; do
        case $tool in
            workbench-tls) read -r t c < <(workbench "rediss://127.0.0.1:$TLS_PORT?tls-ca=$CA"); CPU[$tool]+=" $c" ;;
            workbench-plain) read -r t c < <(workbench "redis://127.0.0.1:$PORT"); CPU[$tool]+=" $c" ;;
            redis-benchmark-tls) t=$(redis_benchmark -p "$TLS_PORT" --tls --cacert "$CA") ;;
            redis-benchmark-plain) t=$(redis_benchmark -p "$PORT") ;;
        esac
        [ -n "$t" ] || { echo "$tool gave no figure" >&2; exit 1; }
        TIMES[$tool]+=" $t"
    done
done
echo "| what | ms |"
echo "|---|---|"
# shellcheck disable=SC2086
{
    echo "| workbench: $USERS TLS connections ready | $(summary 1 ${TIMES[workbench-tls]}) |"
    echo "| workbench: $USERS plain-text connections ready | $(summary 1 ${TIMES[workbench-plain]}) |"
    echo "| workbench: client CPU per TLS connection | $(summary 3 ${CPU[workbench-tls]}) |"
    echo "| workbench: client CPU per plain-text connection | $(summary 3 ${CPU[workbench-plain]}) |"
    echo "| redis-benchmark --tls -c $USERS -n $USERS -t ping_mbulk, whole run | $(summary 1 ${TIMES[redis-benchmark-tls]}) |"
    echo "| redis-benchmark -c $USERS -n $USERS -t ping_mbulk, whole run | $(summary 1 ${TIMES[redis-benchmark-plain]}) |"
}
echo
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg), CPU idle $(idle_percent 3)% over 3 s"
[ "$IDLE_BEFORE" -lt 90 ] && echo "warning: the machine was busy (${IDLE_BEFORE}% idle before the run): figures are not a reference"
exit 0

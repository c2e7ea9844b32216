#!/usr/bin/env bash
# Soak: one long open-loop run with many connections against a local redis-server, reporting
# the workbench's RSS every 10 s and the achieved rate. Memory must stay flat after warm-up
# (the engine keeps histograms, not samples) and the rate must hold.
#   bench/soak.sh [MINUTES=10] [USERS=1000] [RATE=20000]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
USERS=${2:-1000}
RATE=${3:-20000}
export BUILD_DIR=${BUILD_DIR:-build}
./scripts/build.sh >/dev/null
CLI=${CLI:-./$BUILD_DIR/app/cache-workbench-cli} # CLI=... soaks another build
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no --dir "$WORK" \
    --maxclients 10000 --logfile "$WORK/redis.log" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

"$CLI" run --preset basic-cache-load --target "redis://127.0.0.1:$PORT" --users "$USERS" --rps "$RATE" \
    --duration $((MINUTES * 60)) --warmup 30 --json "$WORK/soak.json" --no-save >/dev/null
python3 - "$WORK/soak.json" "$RATE" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); target = float(sys.argv[2]); s = doc["series"]
print(f"{doc['config']['concurrentUsers']} users, target {target:.0f} ops/s, {doc['measuredSeconds']:.0f} s measured after 30 s warm-up")
print("| t (s) | RSS MiB | ops/s | p99 ms | errors |")
print("|---|---|---|---|---|")
for row in s[9::10]:
    print(f"| {row['t']:.0f} | {row['clientRssBytes']/1048576:.2f} | {row['ops']/row['duration']:.0f} | {row['p99Us']/1000:.3f} | {row['errors']} |")
first, last = s[0]["clientRssBytes"], s[-1]["clientRssBytes"]
peak = max(r["clientRssBytes"] for r in s)
rates = [r["ops"] / r["duration"] for r in s if r["duration"] >= 1]
achieved = doc["summary"]["operations"] / doc["measuredSeconds"]
print(f"RSS after warm-up {first/1048576:.2f} MiB, at the end {last/1048576:.2f} MiB ({100*(last-first)/first:+.2f} %), peak {peak/1048576:.2f} MiB")
print(f"achieved {achieved:.1f} ops/s ({100*(achieved-target)/target:+.3f} %), per-second min {min(rates):.0f} max {max(rates):.0f}; errors {doc['summary']['errors']}")
PY

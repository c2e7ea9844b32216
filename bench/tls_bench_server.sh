# Shared by the TLS benchmarks (load_tls_vs_redis_benchmark.sh, tls_handshake_bench.sh): a
# throw-away CA and server certificate for 127.0.0.1 (EC P-256, as the test sandboxes use) made in
# $WORK, and one private redis-server on loopback listening on a TLS port and a plain-text port.
# The caller sets PIN (1: server on CPU 0, the clients on CPU 1) and calls bench_workspace, then
# start_tls_server [extra redis-server options...]. Sets WORK, SERVER_CPU and CLIENT_CPU (arrays),
# CA, PORT, TLS_PORT, SERVER_PID; on exit the server is stopped and WORK, keys and all, removed.

bench_workspace() {
    WORK=$(mktemp -d)
    SERVER_CPU=()
    CLIENT_CPU=()
    if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ]; then
        SERVER_CPU=(taskset -c 0)
        CLIENT_CPU=(taskset -c 1)
    fi
    SERVER_PID=""
    trap stop_bench_server EXIT
    trap 'exit 130' INT TERM HUP
}

stop_bench_server() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf "$WORK"
}

make_tls_certificates() {
    (
        cd "$WORK"
        openssl ecparam -name prime256v1 -genkey -noout -out ca.key 2>/dev/null
        openssl req -x509 -new -key ca.key -sha256 -days 1 -subj "/CN=cwb-bench-ca" -out ca.crt 2>/dev/null
        openssl ecparam -name prime256v1 -genkey -noout -out server.key 2>/dev/null
        openssl req -new -key server.key -subj "/CN=cwb-bench" -out server.csr 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >san.ext
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1 -sha256 \
            -extfile san.ext -out server.crt 2>/dev/null
        chmod 600 ca.key server.key
    )
    CA=$WORK/ca.crt
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_tls_server() { # [extra redis-server options...]
    make_tls_certificates
    PORT=$(free_port)
    TLS_PORT=$(free_port)
    "${SERVER_CPU[@]}" redis-server --port "$PORT" --tls-port "$TLS_PORT" --bind 127.0.0.1 \
        --tls-cert-file "$WORK/server.crt" --tls-key-file "$WORK/server.key" --tls-ca-cert-file "$CA" \
        --tls-auth-clients no --save '' --appendonly no --daemonize no --dir "$WORK" --logfile "$WORK/redis.log" "$@" &
    SERVER_PID=$!
    for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -p "$PORT" ping >/dev/null
    redis-cli --tls --cacert "$CA" -p "$TLS_PORT" ping >/dev/null || { echo "the TLS port does not answer" >&2; exit 1; }
}

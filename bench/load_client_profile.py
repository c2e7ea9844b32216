#!/usr/bin/env python3
"""Sorts `perf script -F ip,sym` call chains (stdin) into what the sampled process was doing and
prints one markdown row: CPU µs per command for each bucket (see load_client_profile.sh). SIDE is
`client` (a generator was sampled) or `server` (the redis-server was).

    load_client_profile.py SIDE LABEL CPU0 CPU1 COMMANDS0 COMMANDS1 T0 T1 < perf-script-output
    load_client_profile.py SIDE --header
"""
import sys

CLIENT_BUCKETS = ["send: delivery", "send: wake-up", "send: own", "recv", "epoll_wait", "epoll_ctl", "sleep",
                  "other kernel", "user space"]
SERVER_BUCKETS = ["key lookup", "memory", "other user", "read", "write: own", "write: delivery", "write: wake-up",
                  "epoll_wait", "other kernel"]
SENDS = ("__sys_sendto", "__sys_sendmsg", "ksys_write", "__sys_sendmmsg", "do_writev")
RECVS = ("__sys_recvfrom", "__sys_recvmsg", "ksys_read")
# The server's hash table, found by the sample's leaf function (redis-server has no frame pointers).
KEY_LOOKUP = {"dictFind", "lookupKey", "lookupKeyRead", "lookupKeyWrite", "lookupKeyReadWithFlags",
              "lookupKeyWriteWithFlags", "dictSdsKeyCompare", "dictSdsHash", "siphash", "dictAddRaw",
              "dictAdd", "dbAdd", "dictFindPositionForInsert", "_dictKeyIndex", "dictGenHashFunction",
              "setKey", "dbSetValue", "dictFetchValue"}
MEMORY = {"zmalloc", "zfree", "zcalloc", "zrealloc", "malloc_usable_size", "malloc", "free", "calloc",
          "realloc", "ztrymalloc_usable", "zmalloc_usable"}


def sent(symbols, prefix):
    """A sample inside a send: which part of it (see the shell script)."""
    if "sock_def_readable" in symbols:
        return prefix + ": wake-up"
    if "tcp_v4_rcv" in symbols:
        return prefix + ": delivery"
    return prefix + ": own"


# What a sample inside the kernel was doing: its system call, by the functions in its chain.
CLIENT_CALLS = [("do_epoll_wait", "epoll_wait"), ("do_epoll_ctl", "epoll_ctl"), ("hrtimer_nanosleep", "sleep"),
                ("do_nanosleep", "sleep")]
SERVER_CALLS = [("do_epoll_wait", "epoll_wait")]


def kernel_bucket(chain, send, recv, calls):
    """chain: [(is_kernel, symbol)] from the leaf outwards; None for a sample in user space."""
    symbols = {sym for _, sym in chain}
    if symbols & set(SENDS):
        return sent(symbols, send)
    if symbols & set(RECVS):
        return recv
    for function, bucket in calls:
        if function in symbols:
            return bucket
    if chain and chain[0][0]:
        return "other kernel"
    return None


def classify_client(chain):
    return kernel_bucket(chain, "send", "recv", CLIENT_CALLS) or "user space"


def classify_server(chain):
    bucket = kernel_bucket(chain, "write", "read", SERVER_CALLS)
    if bucket:
        return bucket
    leaf = chain[0][1] if chain else ""
    if leaf in KEY_LOOKUP:
        return "key lookup"
    if leaf in MEMORY or leaf.startswith("je_"):
        return "memory"
    return "other user"


def chains(lines):
    chain = []
    for line in lines:
        parts = line.split(None, 1)
        if not parts:
            if chain:
                yield chain
            chain = []
            continue
        ip = parts[0]
        sym = parts[1].strip() if len(parts) > 1 else "?"
        chain.append((ip.startswith("ffffffff"), sym))
    if chain:
        yield chain


def main():
    server = sys.argv[1] == "server"
    buckets, classify = (SERVER_BUCKETS, classify_server) if server else (CLIENT_BUCKETS, classify_client)
    if sys.argv[2] == "--header":
        who = "server, under" if server else "generator"
        print(f"| {who} | commands/s | CPU µs/command | " + " | ".join(buckets) + " |")
        print("|---" * (len(buckets) + 3) + "|")
        return
    label = sys.argv[2]
    cpu0, cpu1, cmd0, cmd1, t0, t1 = (float(x) for x in sys.argv[3:9])
    counts = dict.fromkeys(buckets, 0)
    for chain in chains(sys.stdin):
        counts[classify(chain)] += 1
    total = max(1, sum(counts.values()))
    commands = max(1.0, cmd1 - cmd0)
    per_command = (cpu1 - cpu0) * 1e6 / commands
    cells = [f"{per_command * counts[b] / total:.2f} ({100 * counts[b] / total:.0f} %)" for b in buckets]
    print(f"| {label} | {commands / max(1e-9, t1 - t0):.0f} | {per_command:.2f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

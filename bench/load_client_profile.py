#!/usr/bin/env python3
"""Sorts `perf script -F ip,sym` call chains (stdin) into what the sampled thread was doing and
prints one markdown row: CPU µs per command for each bucket (see load_client_profile.sh).

    load_client_profile.py LABEL CPU0 CPU1 COMMANDS0 COMMANDS1 T0 T1 < perf-script-output
    load_client_profile.py --header
"""
import sys

BUCKETS = ["send: delivery", "send: wake-up", "send: own", "recv", "epoll_wait", "epoll_ctl", "sleep",
           "other kernel", "user space"]
SENDS = ("__sys_sendto", "__sys_sendmsg", "ksys_write", "__sys_sendmmsg")
RECVS = ("__sys_recvfrom", "__sys_recvmsg", "ksys_read")


def classify(chain):
    """chain: [(is_kernel, symbol)] from the leaf outwards."""
    symbols = {sym for _, sym in chain}
    if symbols & set(SENDS):
        if "sock_def_readable" in symbols:
            return "send: wake-up"
        if "tcp_v4_rcv" in symbols:
            return "send: delivery"
        return "send: own"
    if symbols & set(RECVS):
        return "recv"
    if "do_epoll_wait" in symbols:
        return "epoll_wait"
    if "do_epoll_ctl" in symbols:
        return "epoll_ctl"
    if "hrtimer_nanosleep" in symbols or "do_nanosleep" in symbols:
        return "sleep"
    if chain and chain[0][0]:
        return "other kernel"
    return "user space"


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
    if sys.argv[1] == "--header":
        print("| generator | commands/s | CPU µs/command | " + " | ".join(BUCKETS) + " |")
        print("|---" * (len(BUCKETS) + 3) + "|")
        return
    label = sys.argv[1]
    cpu0, cpu1, cmd0, cmd1, t0, t1 = (float(x) for x in sys.argv[2:8])
    counts = dict.fromkeys(BUCKETS, 0)
    for chain in chains(sys.stdin):
        counts[classify(chain)] += 1
    total = max(1, sum(counts.values()))
    commands = max(1.0, cmd1 - cmd0)
    per_command = (cpu1 - cpu0) * 1e6 / commands
    cells = [f"{per_command * counts[b] / total:.2f} ({100 * counts[b] / total:.0f} %)" for b in BUCKETS]
    print(f"| {label} | {commands / max(1e-9, t1 - t0):.0f} | {per_command:.2f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()

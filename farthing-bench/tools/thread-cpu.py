#!/usr/bin/env python3
# Per-thread CPU of a running JVM over an interval, grouped (ZGC, compilers, virtual-thread carriers, Jetty).
# Usage: farthing-bench/tools/thread-cpu.py PID SECONDS   (e.g. PID=$(pgrep -f dev.farthing.bench.LedgerBench))
import os, sys, time, collections
pid = sys.argv[1]; interval = float(sys.argv[2])
def snap():
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            comm = open(f"/proc/{pid}/task/{tid}/comm").read().strip()
            f = open(f"/proc/{pid}/task/{tid}/stat").read().rsplit(')', 1)[1].split()
            out[tid] = (comm, int(f[11]) + int(f[12]))
        except OSError:
            pass
    return out
a = snap(); time.sleep(interval); b = snap()
hz = os.sysconf('SC_CLK_TCK'); agg = collections.Counter()
for tid, (comm, t) in b.items():
    if tid in a:
        name = comm if not comm.startswith(('ZWorker', 'ZDirector', 'ZDriver', 'ZUncommit', 'ZStat')) else 'ZGC threads'
        name = 'C1/C2 compiler' if 'Compiler' in comm else name
        name = 'virtual-thread carriers' if comm.startswith('ForkJoinPool') else name
        name = 'Jetty/HTTP threads' if comm.startswith(('JettyServer', 'qtp')) else name
        agg[name] += (t - a[tid][1]) / hz / interval * 100
total = sum(agg.values())
print(f"total {total:.0f}% of one core (200% = both cores)")
for k, v in agg.most_common(12):
    print(f"  {v:6.1f}%  {k}")

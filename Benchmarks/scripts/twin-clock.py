"""Paired rounds (docs/performance.md, ninth round): simulated seconds per wall second of
`routesim serve SCENARIO` on the manual clock (one POST /routesim/v1/Clock Until=HORIZON, timed
from the client) against `routesim run SCENARIO` (its default --record tasks, and --record
summary), the wall time of the whole process, the order alternating from round to round.
Usage: twin-clock.py ROUTESIM SCENARIO HORIZON_SECONDS ROUNDS"""
import base64, os, subprocess, sys, tempfile, time, urllib.request, statistics

routesim, scenario, horizon, rounds = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])

def twin():
    p = subprocess.Popen([routesim, "serve", scenario, "--port", "0", "--account-sid", "AC" + "0" * 32,
                          "--auth-token", "t", "--max-seconds", "300"], stdout=subprocess.PIPE, text=True)
    url = None
    while url is None:
        line = p.stdout.readline()
        if "base URL:" in line: url = line.split()[-1]
    auth = "Basic " + base64.b64encode(("AC" + "0" * 32 + ":t").encode()).decode()
    req = urllib.request.Request(url + "/routesim/v1/Clock", data=f"Until={int(horizon)}".encode(),
                                 headers={"Authorization": auth, "Content-Type": "application/x-www-form-urlencoded"})
    t = time.perf_counter()
    urllib.request.urlopen(req, timeout=600).read()
    elapsed = time.perf_counter() - t
    p.terminate(); p.wait()
    return elapsed

def run(record):
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        subprocess.run([routesim, "run", scenario, "--out", os.path.join(d, "r.sqlite"), "--record", record],
                       check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t

rows = []
for r in range(rounds):
    order = [("twin", twin), ("tasks", lambda: run("tasks")), ("summary", lambda: run("summary"))]
    if r % 2: order.reverse()
    row = {name: f() for name, f in order}
    rows.append(row)
    print(f"round {r}: twin {row['twin']:.2f} s, run --record tasks {row['tasks']:.2f} s, --record summary {row['summary']:.2f} s,"
          f" twin speed / run: {row['tasks']/row['twin']:.2f} (tasks), {row['summary']/row['twin']:.2f} (summary)", flush=True)
print("median twin speed / run (tasks):", round(statistics.median(r["tasks"] / r["twin"] for r in rows), 3))
print("median twin speed / run (summary):", round(statistics.median(r["summary"] / r["twin"] for r in rows), 3))
print("load average:", open("/proc/loadavg").read().split()[:3])

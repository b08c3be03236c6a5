#!/bin/bash
# Fixed-rate load on the twin (docs/performance.md, ninth round): serves load.yaml in realtime,
# then drives POST …/Tasks and GET …/Tasks/{Sid} with wrk (Debian's) for SECONDS each, every
# connection waiting DELAY_MS between its requests (post-rate.lua, get-rate.lua), and prints
# the tasks by status after the POSTs (the agents keep up when none is pending).
# Usage: run-load.sh ROUTESIM CONNECTIONS DELAY_MS SECONDS   (listens on 127.0.0.1:18080)
set -euo pipefail
BIN=$(realpath "$1"); C=$2; D=$3; S=$4
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp -d)
AUTH=AC0123456789abcdef0123456789abcdef:token
"$BIN" serve "$HERE/load.yaml" --clock realtime --speed 1 --port 18080 --account-sid "${AUTH%%:*}" \
    --auth-token "${AUTH##*:}" --max-seconds $((S * 2 + 60)) > "$OUT/serve.log" &
PID=$!
for _ in $(seq 100); do grep -q "base URL" "$OUT/serve.log" && break; sleep 0.2; done
WS=$(grep "workspace:" "$OUT/serve.log" | awk '{print $2}')
URL=http://127.0.0.1:18080/v1/Workspaces/$WS/Tasks
DELAY_MS=$D wrk -t1 -c"$C" -d"${S}s" --latency -s "$HERE/post-rate.lua" "$URL"
curl -s -u "$AUTH" "http://127.0.0.1:18080/v1/Workspaces/$WS/RealTimeStatistics" \
    | python3 -c "import json,sys; d=json.load(sys.stdin); print('after the POSTs: tasks by status', d['tasks_by_status'])"
SID=$(curl -s -u "$AUTH" "$URL?PageSize=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['tasks'][0]['sid'])")
DELAY_MS=$D wrk -t1 -c"$C" -d"${S}s" --latency -s "$HERE/get-rate.lua" "$URL/$SID"
ps -o rss= -p $PID | awk '{print "serve RSS MB:", $1/1024}'
kill $PID
rm -rf "$OUT"

#!/bin/sh
# Makes scenarios/history/calls.csv, the call history docs/fit.md fits: five replications of
# scenarios/history/center.yaml, replication r on the day 2025-03-03 + r, one row a call with
# the columns `routesim fit` reads (ISO 8601 times, wrap-up in seconds, the agent's name).
# Needs sqlite3. Run from the repository's folder; ROUTESIM names another routesim binary.
set -eu
out=results/history-center.sqlite
rm -f "$out"
${ROUTESIM:-swift run routesim} batch scenarios/history/center.yaml --replications 5 --out "$out" > /dev/null
sqlite3 -header -csv "$out" "
  WITH day AS (SELECT run_id, datetime('2025-03-03T08:00:00', '+' || replication || ' days') AS start FROM runs)
  SELECT strftime('%Y-%m-%dT%H:%M:%f', day.start, '+' || t.created_at || ' seconds') AS arrived_at,
         t.queue AS queue,
         CASE WHEN t.assigned_at IS NOT NULL
              THEN strftime('%Y-%m-%dT%H:%M:%f', day.start, '+' || t.assigned_at || ' seconds') END AS answered_at,
         strftime('%Y-%m-%dT%H:%M:%f', day.start, '+' || coalesce(t.wrapup_at, t.completed_at, t.canceled_at) || ' seconds') AS ended_at,
         CASE WHEN t.wrapup_at IS NOT NULL THEN round(t.completed_at - t.wrapup_at, 3) END AS wrapup_seconds,
         t.worker_name AS agent
  FROM tasks t JOIN day USING (run_id)
  ORDER BY t.run_id, t.created_at" > scenarios/history/calls.csv
wc -l scenarios/history/calls.csv

#!/usr/bin/env bash
# Starts one Trap worker on this node and keeps it in the foreground (stop it with Ctrl+C or SIGTERM;
# it leaves the cluster cleanly). Run one per node; the worker takes all cores unless told otherwise.
#   cluster/start-worker.sh CLUSTER_ID [extra `trap worker` options, e.g. --cores 8 --port 11111]
# Settings (environment):
#   TRAP_DATABASE_URL  the cluster's PostgreSQL connection string (required; the catalogue database
#                      works; cluster/postgres.sh start prints a local one for a one-machine cluster).
#                      The worker reads it from the environment: it never appears on a command line
#                      (where every user could read it in /proc/PID/cmdline). Keep the password out of
#                      it if you like: PGPASSWORD or a password file (PGPASSFILE, default ~/.pgpass).
#   TRAP_CORES         cores for tasks (default: all)
#   TRAP_WORKER_PORT   silo port (gateway port = +1); default: free ports are picked
#   TRAP_WORKER_ADDRESS  address other nodes reach this one on (default: first non-loopback IPv4)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 CLUSTER_ID [trap worker options]" >&2
  exit 2
fi
cluster_id="$1"; shift
if [ -z "${TRAP_DATABASE_URL:-}" ]; then
  echo "start-worker.sh: set TRAP_DATABASE_URL to the cluster's PostgreSQL connection string" >&2
  echo "  (for one machine: export TRAP_DATABASE_URL=\"\$($root/cluster/postgres.sh start)\")" >&2
  exit 2
fi
export TRAP_DATABASE_URL
args=(worker --cluster-id "$cluster_id")
[ -n "${TRAP_CORES:-}" ] && args+=(--cores "$TRAP_CORES")
[ -n "${TRAP_WORKER_PORT:-}" ] && args+=(--port "$TRAP_WORKER_PORT")
[ -n "${TRAP_WORKER_ADDRESS:-}" ] && args+=(--address "$TRAP_WORKER_ADDRESS")
exec "$root/trap" "${args[@]}" "$@"

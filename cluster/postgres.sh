#!/usr/bin/env bash
# A project-local PostgreSQL server on loopback, for the demo, the tests and small clusters.
#   cluster/postgres.sh start    install PostgreSQL from Debian's packages if missing, create the
#                                data directory under the state folder, start the server, create the
#                                database, and print its connection string
#   cluster/postgres.sh stop | status | url
# Settings (environment): TRAP_STATE (default <project>/state), TRAP_PG_PORT (default 55432).
# The server listens on 127.0.0.1 only and trusts local connections: it is a development server.
# Production users give Trap their own connection string (TRAP_DATABASE_URL), never this one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${TRAP_STATE:-$root/state}"
port="${TRAP_PG_PORT:-55432}"
data="$state/postgres/data"
socket="$state/postgres/socket"
log="$state/postgres/server.log"
url="Host=127.0.0.1;Port=$port;Username=trap;Database=trap"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_if_missing() {
  if [ -z "$(find_bin)" ]; then
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    local sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  fi
}

running() {
  local bin; bin="$(find_bin)"
  [ -n "$bin" ] && [ -f "$data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

answers() {
  "$1/psql" -h 127.0.0.1 -p "$port" -U trap -d postgres -tAc "SELECT 1" >/dev/null 2>&1
}

start() {
  install_if_missing
  local bin; bin="$(find_bin)"
  if answers "$bin"; then
    # A Trap server of another checkout already serves this port: share it.
    ensure_database "$bin"
    echo "$url"
    return
  fi
  mkdir -p "$state/postgres" "$socket"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$state/postgres"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$data" -U trap --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! running; then
    if ! as_postgres "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$socket -c max_connections=200 -c fsync=off -c full_page_writes=off" start >/dev/null; then
      # Another checkout's server may have taken the port while starting: share it once it answers.
      for _ in $(seq 30); do answers "$bin" && break; sleep 1; done
      if ! answers "$bin"; then
        echo "postgres.sh: PostgreSQL did not start on 127.0.0.1:$port (log: $log); if the port is taken, set TRAP_PG_PORT to a free one" >&2
        exit 1
      fi
    fi
  fi
  ensure_database "$bin"
  echo "$url"
}

ensure_database() {
  if ! "$1/psql" -h 127.0.0.1 -p "$port" -U trap -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='trap'" | grep -q 1; then
    "$1/psql" -h 127.0.0.1 -p "$port" -U trap -d postgres -qc "CREATE DATABASE trap" >/dev/null
  fi
}

stop() {
  local bin; bin="$(find_bin)"
  if running; then as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on 127.0.0.1:$port ($data)"; else echo "not running"; exit 3; fi ;;
  url) echo "$url" ;;
  *) echo "usage: cluster/postgres.sh start|stop|status|url" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 cluster from Debian's packages, in a folder of its own, on a free port of
# 127.0.0.1 (the test command's server, and the server the fault tests stop and start again).
#
#   pg_cluster.sh init DIR               initdb in DIR/data, start it, create database gztest with postgis;
#                                        prints the libpq connection string
#   pg_cluster.sh stop DIR [fast|immediate]   stop it (immediate: as a crash or a power cut would, no shutdown)
#   pg_cluster.sh start DIR              start it again on the same port
#   pg_cluster.sh remove DIR             stop it and remove DIR
#
# As root the server runs as Debian's postgres user (initdb refuses root). fsync is off: the cluster lives for a run.
set -euo pipefail

PG_BIN=${GZ_PG_BIN:-/usr/lib/postgresql/15/bin}
action=${1:-}
dir=${2:-}
[ -n "$action" ] && [ -n "$dir" ] || { echo "usage: pg_cluster.sh init|stop|start|remove DIR [mode]" >&2; exit 2; }
[ -x "$PG_BIN/initdb" ] || { echo "pg_cluster.sh: no $PG_BIN/initdb; install postgresql-15 and postgresql-15-postgis-3" >&2; exit 1; }
as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)

start() {
  local port
  port=$(cat "$dir/port")
  "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=60" start >/dev/null \
    || { cat "$dir/server.log" >&2; echo "pg_cluster.sh: the server in $dir did not start" >&2; exit 1; }
}

case "$action" in
  init)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    "${as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U gzplan --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; echo "pg_cluster.sh: initdb failed" >&2; exit 1; }
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' >"$dir/port"
    start
    port=$(cat "$dir/port")
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U gzplan -d postgres -c 'CREATE DATABASE gztest' >/dev/null
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U gzplan -d gztest -c 'CREATE EXTENSION postgis' >/dev/null \
      || { echo "pg_cluster.sh: CREATE EXTENSION postgis failed" >&2; exit 1; }
    echo "host=127.0.0.1 port=$port user=gzplan dbname=gztest"
    ;;
  start) start ;;
  stop) "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m "${3:-fast}" -w stop >/dev/null ;;
  remove)
    [ -d "$dir/data" ] && { "${as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; }
    rm -rf "$dir"
    ;;
  *) echo "pg_cluster.sh: unknown action '$action' (init, stop, start, remove)" >&2; exit 2 ;;
esac

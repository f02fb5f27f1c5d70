#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1:${WLZ_PG_PORT:-54329} for the test suite and prints its URL.
# Usage: eval "$(scripts/postgres.sh start)"  ...  scripts/postgres.sh stop
set -euo pipefail
PORT=${WLZ_PG_PORT:-54329}
DIR=${WLZ_PG_DIR:-/tmp/wlz-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
      as_pg "$BIN/initdb" -D "$DIR" -A trust -U wlz >/dev/null
    fi
    as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U wlz wlz_test 2>/dev/null || true
    echo "export WLZ_TEST_DATABASE_URL=postgresql+psycopg://wlz@127.0.0.1:$PORT/wlz_test"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
    ;;
esac

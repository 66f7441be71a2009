#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on 127.0.0.1 for the tests: started in a new
# temporary folder, stopped by the PID it wrote, never any other server.
#
#   scripts/pg-server.sh start   prints the lines to eval: RT_TEST_POSTGRES,
#                                PGPASSWORD and RT_PG_DIR
#   scripts/pg-server.sh stop DIR
#
# RT_PG_PORT chooses the port (default 55432).
set -euo pipefail
pgbin=/usr/lib/postgresql/15/bin
port="${RT_PG_PORT:-55432}"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/rt-pg.XXXXXX)
  password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  echo "$password" >"$dir/pw"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$dir"
  as_postgres "$pgbin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pw" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
  echo "export RT_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$port/postgres"
  echo "export PGPASSWORD=$password"
  echo "export RT_PG_DIR=$dir"
  ;;
stop)
  dir="${2:?the folder start printed}"
  [ -f "$dir/data/postmaster.pid" ] || exit 0
  pid=$(head -1 "$dir/data/postmaster.pid")
  kill -INT "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | stop DIR" >&2
  exit 1
  ;;
esac

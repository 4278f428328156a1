#!/usr/bin/env bash
# A private PostgreSQL for the AppHost's "local" infrastructure mode (Debian's postgresql package).
# Usage: postgres.sh DATA_ROOT   with PGPORT set (the AppHost passes it) and DATA_ROOT/postgres.password present.
# Runs in the foreground; SIGTERM or SIGINT becomes a fast shutdown, so the next start needs no recovery.
set -euo pipefail

data_root=$(realpath -m "$1")
port=${PGPORT:?PGPORT is not set}
password_file="$data_root/postgres.password"
[ -s "$password_file" ] || { echo "missing $password_file" >&2; exit 1; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/postgres" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups "$@"; else "$@"; fi
}

# PostgreSQL refuses to run as root: as root, the server runs as the 'postgres' user, which must reach the data
# folder. When a parent folder is closed to it (a checkout under /root), the data goes under /var/tmp instead.
pgdata="$data_root/postgres"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$data_root"
  if ! setpriv --reuid=postgres --regid=postgres --init-groups test -x "$data_root" 2>/dev/null; then
    pgdata="/var/tmp/commercialmanagement-$(printf '%s' "$data_root" | sha1sum | cut -c1-12)/postgres"
    mkdir -p "$(dirname "$pgdata")"
    chmod 755 "$(dirname "$pgdata")"
  fi
fi
socket_dir="$pgdata.sock"
mkdir -p "$pgdata" "$socket_dir"
chmod 700 "$pgdata"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdata" "$socket_dir"

if [ ! -s "$pgdata/PG_VERSION" ]; then
  pwcopy="$socket_dir/initdb.pw"
  cp "$password_file" "$pwcopy"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pwcopy"
  as_postgres "$bin/initdb" -D "$pgdata" -U postgres --pwfile="$pwcopy" \
    --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwcopy"
fi

# pg_stat_statements: which statements the time goes to (./bench.sh prints them for P1; any psql can read them).
server=("$bin/postgres" -D "$pgdata" -p "$port" -h 127.0.0.1 -k "$socket_dir"
  -c max_connections=300 -c shared_buffers=128MB -c log_min_messages=warning
  -c shared_preload_libraries=pg_stat_statements ${POSTGRES_EXTRA_ARGS:-})
# Supervised: the server is started in the background (setpriv execs it, so $! is the server itself) and watched.
# When it stops without being asked (a crash), it is started again. When an operator restarts it (pg_ctl restart), the
# new server runs detached from this script: it is found through postmaster.pid and watched, and stopped with the rest.
# Only SIGTERM or SIGINT ends the script, after a fast shutdown of whichever server runs.
stopping=0
server_pid() {
  local pid
  pid=$(head -n 1 "$pgdata/postmaster.pid" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
stop_server() {
  stopping=1
  local pid
  pid=$(server_pid || true)
  [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null || true
}
trap stop_server TERM INT

while [ "$stopping" = 0 ]; do
  pid=$(server_pid || true)
  if [ -n "$pid" ]; then
    # A server this script did not start (pg_ctl restart): watch it until it ends.
    while [ "$stopping" = 0 ] && kill -0 "$pid" 2>/dev/null; do sleep 1 & wait $! || true; done
  else
    if [ "$(id -u)" = 0 ]; then
      setpriv --reuid=postgres --regid=postgres --init-groups "${server[@]}" &
    else
      "${server[@]}" &
    fi
    pid=$!
    wait "$pid" || true
  fi
  [ "$stopping" = 0 ] || break
  # Stopped without a signal to this script: a restart from outside brings its own server within a few seconds;
  # otherwise this is a crash and the server is started again.
  for _ in 1 2 3 4 5 6 7 8 9 10; do [ -n "$(server_pid || true)" ] && break; sleep 0.5; done
  [ -n "$(server_pid || true)" ] || echo "PostgreSQL stopped unexpectedly: starting it again" >&2
done
# Whichever server runs now ends before the script does, so stopping the system stops PostgreSQL.
while pid=$(server_pid) && [ -n "$pid" ]; do sleep 0.2; done

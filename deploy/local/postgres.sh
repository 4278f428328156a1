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
# Started directly in the background (setpriv execs the server), so $! is the server itself.
if [ "$(id -u)" = 0 ]; then
  setpriv --reuid=postgres --regid=postgres --init-groups "${server[@]}" &
else
  "${server[@]}" &
fi
pid=$!
trap 'kill -INT "$pid" 2>/dev/null || true' TERM INT
wait "$pid" || true
wait "$pid" 2>/dev/null || true

# shellcheck shell=bash
# Helpers for a project-local PostgreSQL cluster (sourced by run.sh, test.sh and bench/run.sh).
# initdb and the server refuse to run as root: as root they run as the `postgres` OS user.

PG_BIN=${PG_BIN:-}
if [ -z "$PG_BIN" ]; then
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ]; then PG_BIN=$candidate; break; fi
  done
fi
if [ -z "$PG_BIN" ] && command -v initdb >/dev/null 2>&1; then PG_BIN=$(dirname "$(command -v initdb)"); fi
if [ -z "$PG_BIN" ]; then
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql-15 or set PG_BIN." >&2
  return 1 2>/dev/null || exit 1
fi

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_prepare_dir DIR: makes DIR (and its parent) belong to the cluster's OS user.
pg_prepare_dir() {
  local dir=$1
  if [ "$(id -u)" = 0 ]; then
    install -d -o postgres -g postgres -m 700 "$dir"
  else
    install -d -m 700 "$dir"
  fi
}

# pg_can_reach DIR: true when the cluster's OS user can enter DIR's parent folders.
pg_can_reach() {
  [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$1"
}

# pg_init DATA_DIR: creates the cluster once (user `app`, trust auth on local connections only).
pg_init() {
  local data=$1
  if [ -f "$data/PG_VERSION" ]; then return 0; fi
  pg_prepare_dir "$data"
  pg_as_owner "$PG_BIN/initdb" -D "$data" --auth=trust -U app -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 || {
    cat "$data.initdb.log" >&2
    return 1
  }
}

# pg_start DATA_DIR SOCKET_DIR [PORT]: starts the server; with PORT it also listens on 127.0.0.1:PORT. PG_FSYNC (on),
# PG_MAX_CONNECTIONS (200) and PG_OPTIONS (more "-c name=value" settings, none by default) change its settings.
# random_page_cost 1.1: the data sits on SSD or in memory, so index lookups cost little more than reading in order;
# with the default 4 the planner hashes whole tables to join a day of bookings (the manager's grid went from 60 ms to
# 5 ms a query, bench/RESULTS.md).
pg_start() {
  local data=$1 sock=$2 port=${3:-5432} listen="''"
  [ $# -ge 3 ] && listen=127.0.0.1
  pg_prepare_dir "$sock"
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "PostgreSQL is already running in $data" >&2
    return 0
  fi
  pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=$listen -p $port -k $sock -c fsync=${PG_FSYNC:-on} -c max_connections=${PG_MAX_CONNECTIONS:-200} -c random_page_cost=1.1 ${PG_OPTIONS:-}" \
    start >/dev/null || {
    tail -n 30 "$data/server.log" >&2
    return 1
  }
}

# pg_stop DATA_DIR
pg_stop() {
  pg_as_owner "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_ensure_db SOCKET_DIR PORT NAME: creates database NAME when it does not exist.
pg_ensure_db() {
  local sock=$1 port=$2 name=$3
  if ! "$PG_BIN/psql" -h "$sock" -p "$port" -U app -d postgres -tAc "select 1 from pg_database where datname = '$name'" | grep -q 1; then
    "$PG_BIN/createdb" -h "$sock" -p "$port" -U app "$name"
  fi
}

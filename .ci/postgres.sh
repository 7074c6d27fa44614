#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suites (CI and local).
#
#   eval "$(bash .ci/postgres.sh)"        # installs Debian's postgresql if needed, starts a cluster,
#                                         # exports TEST_DATABASE_URL, DELTALAB_PG_DIR, DELTALAB_PG_STOP
#   trap 'bash .ci/postgres.sh stop' EXIT # or: eval "$DELTALAB_PG_STOP"
#   bash .ci/postgres.sh restart <dir> [s] # stop it, wait s seconds (2), start it again on the same port
#
# Only the export lines go to stdout; progress goes to stderr. The cluster lives in a temp dir, listens on
# 127.0.0.1 on a free port, trusts local connections, and runs without fsync (it is thrown away).
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }
# `eval "$(bash .ci/postgres.sh)"` ignores this script's exit status, so a failure also prints a command that
# fails inside the caller's eval (and stops a `set -e` caller such as .ci/run).
failed_command='echo ".ci/postgres.sh failed: see the messages above" >&2; false'
trap 'echo "$failed_command"' ERR
fail() { log "$*"; echo "$failed_command"; exit 1; }

as_owner() {
  # initdb refuses to run as root: run the server as the `postgres` user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/postgres" ]; then echo "$dir"; fi
}

if [ "${1:-}" = stop ]; then
  dir=${2:-${DELTALAB_PG_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then log "nothing to stop (DELTALAB_PG_DIR unset or gone)"; exit 0; fi
  bin=$(cat "$dir/bindir")
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
  log "stopped and removed $dir"
  exit 0
fi

if [ "${1:-}" = restart ]; then
  # Tests of what the site does while PostgreSQL restarts: stop, stay down ${3:-2} s, start on the same port.
  dir=${2:?usage: postgres.sh restart <dir> [seconds down]}
  bin=$(cat "$dir/bindir")
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
  sleep "${3:-2}"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start </dev/null >"$dir/pg_ctl.log" 2>&1
  log "restarted $dir"
  exit 0
fi

BIN=$(find_bin)
if [ -z "$BIN" ]; then
  log "no PostgreSQL server binary found: installing Debian's postgresql with apt"
  if [ "$(id -u)" != 0 ]; then fail "need root to install postgresql"; fi
  # We make our own cluster; stop the package from creating and starting the default one.
  # (createcluster.conf includes createcluster.d/, and no package owns this file, so dpkg asks nothing.)
  mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/deltalab-no-main-cluster.conf
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN=$(find_bin)
  if [ -z "$BIN" ]; then fail "postgresql installed but no server binary under /usr/lib/postgresql/*/bin"; fi
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")
DIR=$(mktemp -d "${TMPDIR:-/tmp}/deltalab-pg.XXXXXX")
echo "$BIN" > "$DIR/bindir"
[ "$(id -u)" = 0 ] && chown -R postgres "$DIR"
chmod 755 "$DIR"

log "initdb in $DIR ($BIN)"
as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; fail "initdb failed"; }

OPTIONS="-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
echo "$OPTIONS" > "$DIR/options"
# The server must not inherit our stdout: `eval "$(…)"` would wait for it forever.
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 -o "$OPTIONS" \
  start </dev/null >"$DIR/pg_ctl.log" 2>&1 || { cat "$DIR/pg_ctl.log" "$DIR/server.log" >&2; fail "the server did not start"; }

as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres deltalab_test >&2
log "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, database deltalab_test"

echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/deltalab_test"
echo "export DELTALAB_PG_DIR=$DIR"
echo "export DELTALAB_PG_STOP='bash .ci/postgres.sh stop $DIR'"

#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the tests, in a temporary folder, run by the
# unprivileged `postgres` user when this runs as root (root cannot run the server). Installs
# Debian's `postgresql` when it is missing. Sourced by scripts/test: exports
# SAFEGUARD_TEST_POSTGRES=postgres://safeguard@127.0.0.1:PORT/safeguard and stops the cluster on exit.
set -euo pipefail

safeguard_postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

safeguard_start_postgres() {
  if [ -z "$(safeguard_postgres_bin)" ]; then
    echo "Installing from Debian: postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq postgresql >&2
  fi
  local bin run_as=()
  bin=$(safeguard_postgres_bin)
  SAFEGUARD_PG_DIR=$(mktemp -d /tmp/safeguard-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$SAFEGUARD_PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  SAFEGUARD_PG_RUN=("${run_as[@]}")
  SAFEGUARD_PG_BIN=$bin
  # A free port on loopback, chosen by the kernel.
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${run_as[@]}" "$bin/initdb" -D "$SAFEGUARD_PG_DIR/data" -U safeguard --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run_as[@]}" "$bin/pg_ctl" -D "$SAFEGUARD_PG_DIR/data" -l "$SAFEGUARD_PG_DIR/log" -w \
    -o "-k $SAFEGUARD_PG_DIR -p $port -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${SAFEGUARD_PG_FSYNC:-off}" start >/dev/null
  trap safeguard_stop_postgres EXIT
  "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U safeguard safeguard
  export SAFEGUARD_TEST_POSTGRES="postgres://safeguard@127.0.0.1:$port/safeguard"
  echo "PostgreSQL for the tests: $SAFEGUARD_TEST_POSTGRES" >&2
}

safeguard_stop_postgres() {
  if [ -n "${SAFEGUARD_PG_DIR:-}" ] && [ -d "$SAFEGUARD_PG_DIR/data" ]; then
    "${SAFEGUARD_PG_RUN[@]}" "$SAFEGUARD_PG_BIN/pg_ctl" -D "$SAFEGUARD_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$SAFEGUARD_PG_DIR"
  fi
}

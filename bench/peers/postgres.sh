#!/usr/bin/env bash
# Starts and stops the PostgreSQL 15 server of one bench workdir, on loopback only.
# usage: postgres.sh init DATADIR | start DATADIR PORT | stop DATADIR
# The server runs as the `postgres` system user (Debian's postgresql package creates it) when we
# are root, since PostgreSQL refuses to run as root. Configuration: see bench/peers/README.md.
set -euo pipefail
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?command}
dir=${2:?data directory}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  init)
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    chmod 700 "$dir"
    log="$dir.initdb.log"
    if ! as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$log" 2>&1; then
      cat "$log" >&2
      exit 1
    fi
    cat >>"$dir/postgresql.conf" <<'CONF'
# --- bench/peers tuning (a dedicated, read-mostly full-text search box with 24 GB) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 64
shared_buffers = 1GB
effective_cache_size = 8GB
work_mem = 16MB
maintenance_work_mem = 1GB
# Durability is not measured: the data directory is rebuilt from the corpus on any failure.
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_wal_size = 8GB
checkpoint_timeout = 30min
# Short OLTP-style queries: no JIT compilation, no parallel workers (their start-up costs more
# than the query; every engine gets one core per query).
jit = off
max_parallel_workers_per_gather = 0
logging_collector = off
log_min_messages = warning
CONF
    ;;
  start)
    port=${3:?port}
    as_pg "$bin/pg_ctl" -D "$dir" -o "-p $port" -l "$dir/server.log" -s -w -t 60 start >&2
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then
      as_pg "$bin/pg_ctl" -D "$dir" -m fast -s -w -t 60 stop >&2
    fi
    ;;
  *)
    echo "postgres.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac

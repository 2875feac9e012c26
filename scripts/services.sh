#!/usr/bin/env bash
# Starts the databases that the starters' tests and the verify matrix run against, on free
# loopback ports, with their data in a temporary folder, and stops them when the shell exits.
#
#   source scripts/services.sh    # exports MONGODB_URI, REDIS_URL, REDISMS_SYSTEM_BINARY
#   bash scripts/services.sh      # the same, then waits (Ctrl-C stops them): for manual work
#
# MongoDB: no mongod can be downloaded on our machines, so the MongoDB wire protocol is served by
# FerretDB 1.24.2 on its SQLite backend, built from the Go module proxy once per machine and cached
# (see docs/testing.md for why the build needs a generated version file). Redis: Debian's
# redis-server, installed with apt-get when missing.
#
# A MONGODB_URI or REDIS_URL already set by the caller is used as it is and nothing is started for
# it. Sourcing sets EXIT, INT and TERM traps; a caller that needs its own calls cbr_services_stop
# from it. Only processes started here are stopped, by their pid.

CBR_FERRETDB_VERSION='v1.24.2'
CBR_FERRETDB_MODULE='github.com/FerretDB/FerretDB'
CBR_SERVICES_STARTED=()
CBR_SERVICES_DIR=''

cbr_svc_log() { printf 'services: %s\n' "$*" >&2; }

cbr_ferretdb_cache_dir() {
  printf '%s\n' "${XDG_CACHE_HOME:-$HOME/.cache}/create-backend-roadmap/ferretdb-$CBR_FERRETDB_VERSION"
}

# A port nobody listens on right now. Another process can still take it before we bind, so the
# starters below retry with a new port when theirs dies at start.
cbr_free_port() {
  node -e "const s = require('node:net').createServer();
    s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# Waits until something accepts TCP connections on 127.0.0.1:$1, while pid $2 is alive.
cbr_wait_for_port() {
  local port="$1" pid="$2" deadline=$((SECONDS + ${3:-60}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

cbr_apt_install_quiet() {
  local sudo=''
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo='sudo'; else
      cbr_svc_log "need root (or sudo) to apt-get install $*"
      return 1
    fi
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >&2
}

# Sets CBR_REDIS_BIN, installing Debian's redis-server when it is missing.
cbr_ensure_redis() {
  CBR_REDIS_BIN="$(command -v redis-server || true)"
  if [ -z "$CBR_REDIS_BIN" ] && [ -x /usr/bin/redis-server ]; then CBR_REDIS_BIN=/usr/bin/redis-server; fi
  if [ -n "$CBR_REDIS_BIN" ]; then return 0; fi
  cbr_svc_log "redis-server is missing: apt-get install redis-server"
  local started=$SECONDS
  cbr_apt_install_quiet redis-server || return 1
  CBR_REDIS_BIN=/usr/bin/redis-server
  [ -x "$CBR_REDIS_BIN" ] || {
    cbr_svc_log "apt-get left no $CBR_REDIS_BIN"
    return 1
  }
  cbr_svc_log "redis-server installed in $((SECONDS - started)) s"
}

# Builds FerretDB into the cache. A plain `go install` panics at start ("Invalid
# build/version/version.txt") because the module zip lacks that generated file, so build from a
# writable copy of the module with the file written.
cbr_build_ferretdb() {
  local bin="$1" json src work
  if ! command -v go >/dev/null 2>&1; then
    if [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; else
      cbr_svc_log 'Go is needed to build FerretDB and is not installed'
      return 1
    fi
  fi
  cbr_svc_log "building FerretDB $CBR_FERRETDB_VERSION with $(go version) (once per machine, ~1-2 min)"
  export GOWORK=off GOFLAGS=-buildvcs=false CGO_ENABLED=0
  json="$(cd / && go mod download -json "$CBR_FERRETDB_MODULE@$CBR_FERRETDB_VERSION")" || {
    printf '%s\n' "$json" >&2
    return 1
  }
  src="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  if [ -z "$src" ] || [ ! -d "$src" ]; then
    printf '%s\n' "$json" >&2
    cbr_svc_log 'go mod download gave no module folder'
    return 1
  fi
  work="$(mktemp -d "${TMPDIR:-/tmp}/cbr-ferretdb-build.XXXXXX")"
  cp -R "$src/." "$work/"
  chmod -R u+w "$work"
  printf '%s\n' "$CBR_FERRETDB_VERSION" >"$work/build/version/version.txt"
  if ! (cd "$work" && go build -trimpath -o "$bin.partial" ./cmd/ferretdb); then
    rm -rf "$work" "$bin.partial"
    return 1
  fi
  rm -rf "$work"
  mv -f "$bin.partial" "$bin"
}

# Sets CBR_FERRETDB_BIN to the cached binary, building it first when missing or broken.
cbr_ensure_ferretdb() {
  local cache bin started=$SECONDS
  cache="$(cbr_ferretdb_cache_dir)"
  bin="$cache/ferretdb"
  CBR_FERRETDB_BIN="$bin"
  if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then return 0; fi
  mkdir -p "$cache"
  # Two runs on one machine must not build into the same file at once.
  (
    set -euo pipefail
    exec 9>"$cache/.lock"
    flock 9
    if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then exit 0; fi
    cbr_build_ferretdb "$bin"
  ) || {
    cbr_svc_log "FerretDB could not be built"
    return 1
  }
  "$bin" --version >/dev/null 2>&1 || {
    cbr_svc_log "the FerretDB binary at $bin does not start"
    return 1
  }
  cbr_svc_log "FerretDB ready in $((SECONDS - started)) s ($bin)"
}

# Starts "$@" (with PORT replaced by a free port) in the background, logging to $log, and waits
# until it accepts connections. Sets CBR_LAST_PORT. Retries with a new port when the process dies.
cbr_start_on_free_port() {
  local name="$1" log="$2" attempt port pid arg args
  shift 2
  for attempt in 1 2 3; do
    port="$(cbr_free_port)" || return 1
    args=()
    for arg in "$@"; do args+=("${arg//@PORT@/$port}"); done
    "${args[@]}" </dev/null >>"$log" 2>&1 &
    pid=$!
    CBR_SERVICES_STARTED+=("$pid:$name")
    if cbr_wait_for_port "$port" "$pid" 60; then
      CBR_LAST_PORT="$port"
      return 0
    fi
    cbr_svc_log "$name did not come up on port $port (attempt $attempt); its log ends with:"
    tail -n 15 "$log" >&2
    cbr_stop_pid "$pid"
  done
  return 1
}

cbr_stop_pid() {
  local pid="$1" waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 100 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cbr_services_stop() {
  local entry
  for entry in "${CBR_SERVICES_STARTED[@]}"; do
    cbr_stop_pid "${entry%%:*}"
  done
  if [ "${#CBR_SERVICES_STARTED[@]}" -gt 0 ]; then
    cbr_svc_log "stopped $(printf '%s ' "${CBR_SERVICES_STARTED[@]#*:}")"
  fi
  CBR_SERVICES_STARTED=()
  if [ -n "$CBR_SERVICES_DIR" ] && [ -d "$CBR_SERVICES_DIR" ]; then rm -rf "$CBR_SERVICES_DIR"; fi
  CBR_SERVICES_DIR=''
}

cbr_services_start() {
  local started=$SECONDS
  trap cbr_services_stop EXIT
  trap 'cbr_services_stop; trap - INT; kill -INT $$' INT
  trap 'cbr_services_stop; trap - TERM; kill -TERM $$' TERM
  CBR_SERVICES_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cbr-services.XXXXXX")"

  if [ -n "${MONGODB_URI:-}" ]; then
    cbr_svc_log "MongoDB: using MONGODB_URI from the environment ($MONGODB_URI)"
  else
    cbr_ensure_ferretdb || return 1
    mkdir -p "$CBR_SERVICES_DIR/ferretdb"
    cbr_start_on_free_port ferretdb "$CBR_SERVICES_DIR/ferretdb.log" "$CBR_FERRETDB_BIN" \
      --handler=sqlite --sqlite-url="file:$CBR_SERVICES_DIR/ferretdb/" \
      --listen-addr=127.0.0.1:@PORT@ --state-dir="$CBR_SERVICES_DIR/ferretdb" \
      --debug-addr=- --telemetry=disable --log-level=warn || return 1
    export MONGODB_URI="mongodb://127.0.0.1:$CBR_LAST_PORT/"
    cbr_svc_log "MongoDB: FerretDB $CBR_FERRETDB_VERSION (SQLite) at $MONGODB_URI"
  fi

  if [ -n "${REDIS_URL:-}" ]; then
    cbr_svc_log "Redis: using REDIS_URL from the environment ($REDIS_URL)"
    if [ -z "${REDISMS_SYSTEM_BINARY:-}" ] && [ -x /usr/bin/redis-server ]; then
      export REDISMS_SYSTEM_BINARY=/usr/bin/redis-server
    fi
  else
    cbr_ensure_redis || return 1
    mkdir -p "$CBR_SERVICES_DIR/redis"
    cbr_start_on_free_port redis "$CBR_SERVICES_DIR/redis.log" "$CBR_REDIS_BIN" \
      --bind 127.0.0.1 --port @PORT@ --save '' --appendonly no --daemonize no \
      --dir "$CBR_SERVICES_DIR/redis" --logfile '' || return 1
    export REDIS_URL="redis://127.0.0.1:$CBR_LAST_PORT"
    export REDISMS_SYSTEM_BINARY="${REDISMS_SYSTEM_BINARY:-$CBR_REDIS_BIN}"
    cbr_svc_log "Redis: $("$CBR_REDIS_BIN" --version | cut -d' ' -f3) at $REDIS_URL"
  fi
  cbr_svc_log "ready in $((SECONDS - started)) s"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cbr_services_start
  printf 'export MONGODB_URI=%q REDIS_URL=%q REDISMS_SYSTEM_BINARY=%q\n' \
    "$MONGODB_URI" "$REDIS_URL" "${REDISMS_SYSTEM_BINARY:-}"
  cbr_svc_log 'running until Ctrl-C'
  while :; do sleep 1; done
else
  cbr_services_start
fi

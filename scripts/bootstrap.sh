#!/usr/bin/env bash
# Makes a shell ready to work on this repo, on any machine of ours, from a bare clone:
#   1. Node >= 22.12 first on PATH: the machine's own when it is new enough, otherwise Node 24 from
#      the npm package `node@24`, installed once into .tools/node24 (git-ignored, ~6 s);
#   2. the repo's dependencies, with `npm ci`, when node_modules is missing or package-lock.json
#      changed since the last install;
#   3. the CLI built (`npm run build`) when dist/ is missing or older than its sources
#      (skip with --no-build: `npm test` builds anyway).
#
#   source scripts/bootstrap.sh [--no-build] --   # PATH stays set in this shell; the `--` keeps
#                                                 # the sourcing script's own arguments out
#   bash scripts/bootstrap.sh [--no-build]
#
# Idempotent, and silent and fast (~0.1 s) when everything is in place. Messages go to stderr so
# that scripts/create.sh keeps the CLI's stdout clean.

cbr_repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CBR_NODE_MIN='22.12'
CBR_NODE_PACKAGE='node@24'

cbr_log() { printf 'bootstrap: %s\n' "$*" >&2; }

# True when the given node binary is at least CBR_NODE_MIN.
cbr_node_ok() {
  local min_major="${CBR_NODE_MIN%%.*}" min_minor="${CBR_NODE_MIN#*.}"
  "$1" -e "const [a, b] = process.versions.node.split('.').map(Number);
    process.exit(a > $min_major || (a === $min_major && b >= $min_minor) ? 0 : 1);" 2>/dev/null
}

# Prints the directory to put first on PATH ('' when the machine's node will do); installs Node 24
# into .tools/ when needed.
cbr_node_dir() {
  local machine_node tools_dir="$cbr_repo_root/.tools/node24" bin_dir
  bin_dir="$tools_dir/node_modules/.bin"
  machine_node="$(command -v node || true)"
  if [ -n "$machine_node" ] && cbr_node_ok "$machine_node"; then
    return 0
  fi
  if [ -x "$bin_dir/node" ] && cbr_node_ok "$bin_dir/node"; then
    printf '%s\n' "$bin_dir"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    cbr_log "no npm on this machine: installing Debian's npm to fetch $CBR_NODE_PACKAGE"
    cbr_apt_install npm || return 1
  fi
  cbr_log "node ${machine_node:+$("$machine_node" --version) }is older than $CBR_NODE_MIN:" \
    "installing $CBR_NODE_PACKAGE into .tools/node24"
  local started=$SECONDS
  mkdir -p "$tools_dir"
  npm install --prefix "$tools_dir" --no-save --no-package-lock --no-audit --no-fund \
    --loglevel=error "$CBR_NODE_PACKAGE" >&2 || return 1
  if ! cbr_node_ok "$bin_dir/node"; then
    cbr_log "$CBR_NODE_PACKAGE did not leave a working node at $bin_dir/node"
    return 1
  fi
  cbr_log "node $("$bin_dir/node" --version) ready in $((SECONDS - started)) s"
  printf '%s\n' "$bin_dir"
}

# apt-get install, non-interactive, as root or through sudo.
cbr_apt_install() {
  local sudo=''
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo='sudo'; else
      cbr_log "need root (or sudo) to apt-get install $*"
      return 1
    fi
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

cbr_install_deps() {
  cd "$cbr_repo_root"
  if [ -d node_modules ] && [ -f node_modules/.package-lock.json ] &&
    ! [ package-lock.json -nt node_modules/.package-lock.json ]; then
    return 0
  fi
  cbr_log "installing dependencies (npm ci) with node $(node --version)"
  local started=$SECONDS
  npm ci --no-audit --no-fund --loglevel=error >&2
  cbr_log "dependencies installed in $((SECONDS - started)) s"
}

cbr_build() {
  cd "$cbr_repo_root"
  # The bundle holds the precompiled .hbs files too, so templates/ dates it as well (a template
  # edited since still renders right, it is just compiled at run time).
  local sources=(src generators plopfile.ts templates scripts/build.ts scripts/build package.json)
  local existing=() path
  for path in "${sources[@]}"; do [ -e "$path" ] && existing+=("$path"); done
  # The build rewrites dist/ on each run, so the CLI's entry point dates the last build.
  if [ -f dist/cli.js ] &&
    [ -z "$(find "${existing[@]}" -newer dist/cli.js -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  cbr_log 'building the CLI (npm run build)'
  local started=$SECONDS
  npm run --silent build >&2
  cbr_log "built in $((SECONDS - started)) s"
}

cbr_bootstrap() {
  local build=1 arg node_dir
  for arg in "$@"; do
    case "$arg" in
      --no-build) build=0 ;;
      --) break ;;
      *)
        cbr_log "unknown option '$arg' (known: --no-build)"
        return 2
        ;;
    esac
  done
  node_dir="$(cbr_node_dir)" || return 1
  if [ -n "$node_dir" ]; then
    case ":$PATH:" in
      ":$node_dir:"*) ;;
      *) PATH="$node_dir:$PATH" ;;
    esac
    export PATH
  fi
  # The rest runs in a subshell so that `set -e` and `cd` never leak into a sourcing shell.
  (
    set -euo pipefail
    cbr_install_deps
    if [ "$build" = 1 ]; then cbr_build; fi
  )
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cbr_bootstrap "$@"
else
  cbr_bootstrap "$@"
fi

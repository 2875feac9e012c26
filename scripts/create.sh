#!/usr/bin/env bash
# Generates a starter straight from a clone of this repo, in the current directory:
#   bash path/to/create-backend-roadmap/scripts/create.sh todo-app my-todos --stage beginner
# Same arguments as the published CLI (`--help`); bootstrap.sh first makes sure Node >= 22,
# the dependencies and the build are in place (silent when they are).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/bootstrap.sh
source "$repo/scripts/bootstrap.sh" --
exec node "$repo/dist/cli.js" "$@"

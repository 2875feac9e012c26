#!/usr/bin/env bash
# The verify matrix alone, with what it needs: bootstrap (which builds the CLI), FerretDB and
# Redis (unless MONGODB_URI / REDIS_URL are set), then `npm run verify -- "$@"`.
#   bash scripts/verify.sh --idea todo-app --stage beginner [--keep]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh --
# shellcheck source=scripts/services.sh
source scripts/services.sh
status=0
npm run --silent verify -- "$@" || status=$?
exit "$status"

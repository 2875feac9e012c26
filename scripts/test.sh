#!/usr/bin/env bash
# The whole test suite, from a bare clone: Node and dependencies (bootstrap.sh), FerretDB and
# Redis on free loopback ports (services.sh), then `npm test`: typecheck, lint, format check,
# build, unit and CLI tests, and the verify matrix over every available starter; then
# `npm run reliability`. Exits with npm test's code (else the reliability run's); the services
# are stopped whatever happens.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

started=$SECONDS
echo "test: bootstrap (Node, dependencies)"
# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh --no-build --
echo "test: node $(node --version), npm $(npm --version)"
echo "test: services (FerretDB, Redis)"
# shellcheck source=scripts/services.sh
source scripts/services.sh
echo "test: MONGODB_URI=$MONGODB_URI REDIS_URL=$REDIS_URL ($((SECONDS - started)) s so far)"

# The verify matrix (in npm test) keeps its installed starters here, and the reliability run
# fuzzes those same installs and counts the tests verify ran: each starter is installed and
# tested once per run, which keeps CI inside its time limit.
VERIFY_DIR="$(mktemp -d "${TMPDIR:-/tmp}/cbr-test-starters-XXXXXX")"
export VERIFY_DIR
# Two starters at a time: most of a starter's checks (npm install, tsc, eslint, one vitest
# worker) use one core, so two keep both cores of a CI machine busy.
export VERIFY_JOBS="${VERIFY_JOBS:-2}"
# services.sh set the EXIT trap that stops the services; this one does that too.
trap 'cbr_services_stop; rm -rf "$VERIFY_DIR"' EXIT

echo "test: npm test"
status=0
npm test || status=$?
echo "test: npm test exited $status after $((SECONDS - started)) s in all"

# Reliability suites (docs/reliability.md): CLI bad input, the starters' own tests, npm audit and
# Schemathesis against every OpenAPI starter. Several minutes, so here rather than in npm test.
reliability=0
npm run reliability -- --reuse "$VERIFY_DIR" || reliability=$?
echo "test: npm run reliability exited $reliability after $((SECONDS - started)) s in all"
if [ "$status" -eq 0 ]; then status=$reliability; fi
exit "$status"

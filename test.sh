#!/usr/bin/env bash
# Runs every test (unit, service, system, browser, deployment manifests) against real PostgreSQL, RabbitMQ and
# Chromium, installing what is missing first. Prints one line "N passed, N failed" and exits non-zero when any test fails.
# Extra arguments go to every `dotnet test` (for example --filter ...).
set -uo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$root"
source deploy/local/prerequisites.sh
cm_ensure_prerequisites "$root" || { echo "prerequisites could not be installed"; echo "0 passed, 1 failed"; exit 1; }
# The deployment tests render deploy/kubernetes with kubectl; without one they fail and say so.
cm_ensure_kubectl "$root" || true

results="$root/TestResults/runs"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build CommercialManagement.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0
failed=0
skipped=0
status=0
for project in tests/*Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  timeout 1800 dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=minimal" --results-directory "$results" "$@"
  code=$?
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
    t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
    e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
    if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
  else
    # No results at all: the test host crashed or timed out.
    failed=$((failed + 1))
  fi
  [ "$code" -eq 0 ] || status=1
done

# Servers a crashed test host may have left behind.
pkill -f 'cm-tests-pg-' 2>/dev/null || true
pkill -f 'cm-tests-mq-' 2>/dev/null || true
pkill -f 'cm-tests-imap-' 2>/dev/null || true
pkill -f 'cm-e2e-' 2>/dev/null || true
rm -rf /tmp/cm-tests-pg-* /tmp/cm-tests-mq-* /tmp/cm-tests-imap-* /tmp/cm-e2e-* 2>/dev/null || true

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]

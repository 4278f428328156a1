#!/usr/bin/env bash
# Runs the whole system (AppHost, dashboard, gateway, services, PostgreSQL, RabbitMQ, mail catcher, demo data)
# in the foreground until Ctrl-C or SIGTERM, then stops everything it started.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$root"
source deploy/local/prerequisites.sh
cm_ensure_prerequisites "$root"

dotnet build CommercialManagement.AppHost/CommercialManagement.AppHost.csproj -nologo -v quiet -clp:ErrorsOnly

cat <<'BANNER'

  Gestion commerciale — Val Nevé (demo data, Development)
    back office (gateway)   http://localhost:5100
    Aspire dashboard        http://localhost:15100
    mail catcher            http://localhost:5101
  Ctrl-C stops everything.

BANNER

dotnet run --project CommercialManagement.AppHost/CommercialManagement.AppHost.csproj --launch-profile http --no-build -- "$@" &
apphost=$!
stop() { kill -TERM "$apphost" 2>/dev/null || true; }
trap stop INT TERM
wait "$apphost" || true
# The AppHost stops its resources (DCP needs a few seconds); wait for it to be gone.
wait "$apphost" 2>/dev/null || true

#!/usr/bin/env bash
# Runs the whole system (AppHost, dashboard, gateway, services, PostgreSQL, RabbitMQ, mail catcher, demo data)
# in the foreground until Ctrl-C or SIGTERM, then stops everything it started.
# Release build by default; `./run.sh --debug` (or CM_CONFIGURATION=Debug) runs the Debug build; --no-build skips the
# build check (./bench.sh builds once before). Other arguments go
# to the AppHost (for example --Infrastructure:DataFolder=/some/folder). CM_REPLICAS=2 (or --Topology:Replicas=2) runs
# two processes of every service and of the gateway.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$root"
source deploy/local/prerequisites.sh
cm_ensure_prerequisites "$root"

configuration=${CM_CONFIGURATION:-Release}
build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --debug) configuration=Debug ;;
    --no-build) build=0 ;;
    *) args+=("$arg") ;;
  esac
done

if [ -n "${CM_REPLICAS:-}" ]; then args+=("--Topology:Replicas=$CM_REPLICAS"); fi

# The AppHost launches every project with its own configuration (dotnet run -c <it> --no-build): one build covers all.
if [ "$build" = 1 ]; then
  dotnet build CommercialManagement.AppHost/CommercialManagement.AppHost.csproj -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
fi

cat <<BANNER

  Gestion commerciale — Val Nevé (demo data, Development; $configuration build)
    back office (gateway)   http://localhost:5100
    Aspire dashboard        http://localhost:15100
    mail catcher            http://localhost:5101
  Ctrl-C stops everything.

BANNER

dotnet run --project CommercialManagement.AppHost/CommercialManagement.AppHost.csproj -c "$configuration" --launch-profile http --no-build -- ${args[@]+"${args[@]}"} &
apphost=$!
stop() { kill -TERM "$apphost" 2>/dev/null || true; }
trap stop INT TERM
wait "$apphost" || true
wait "$apphost" 2>/dev/null || true
# `dotnet run` returns before DCP has stopped the services and servers: wait until they are gone (60 s at most).
for _ in $(seq 1 60); do
  pgrep -f "$root/(\.data/local|src/|CommercialManagement\.AppHost/bin)|orchestration\.linux-x64/.*/dcp " >/dev/null || break
  sleep 1
done
echo "Stopped."

#!/usr/bin/env bash
# The fault suite (issue 15): builds Release, starts the whole system through ./run.sh with two processes of every
# service and of the gateway (--Topology:Replicas=2) in benchmark mode, drives a steady load through the gateway
# (web requests, quote lines, offline payments, and customers paying from their space through the Stripe sandbox's
# checkout page: CommercialManagement.Bench faults-load), and meanwhile
#   R1  stops RabbitMQ's application for 60 s (rabbitmqctl stop_app, then start_app),
#   R2  kill -9 one process of each service and of the gateway in turn (the AppHost's supervisor starts it again),
#   R3  restarts PostgreSQL (pg_ctl restart -m fast),
# then a soak (RSS of every process at its start and end). Then it stops the load and reconciles from each service's
# database: every accepted request has one Inbox row, one Dossier case and one acknowledgement; every accepted quote line
# one row in Quote; every payment one ledger row (and one payment counted in Dossier, one receipt queued); every sandbox
# payment the customer completed (the checkout page's success redirect) one ledger row of its payment request. After each
# fault: the time until every request accepted so far has its case (and its acknowledgement queued).
# Writes TestResults/faults/<UTC time>.md (the table) and the run's raw outputs in TestResults/faults/<UTC time>/;
# exits 1 when anything was lost or written twice, 2 when the run itself could not be made.
# Not part of ./test.sh nor of CI. About 25 minutes on 2 cores after the build with the machine to itself (52 with
# --soak 30); 38 minutes on a machine at load average 100 (other builds and tests beside it).
#   ./faults.sh [--soak MINUTES] [--keep-data] [--rate REQUESTS/S,LINES/S,PAYMENTS/S[,SANDBOX_PAYMENTS/S]]
#   --soak MINUTES  the soak's length (default 3)
#   --keep-data     keeps .data-faults from the previous run (default: a fresh one)
#   --rate          the load (default 5,2,1,0.5; the sandbox's customers read their space's link from the mail catcher)
# No service is restarted by hand: R2's processes come back through the AppHost alone. The dev data (.data/local) is
# never touched: the run's data folder is .data-faults. One AppHost at a time on a machine (fixed ports): wrap it in
# `flock /tmp/apphost.lock` where others run one too.
set -uo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$root"
source deploy/local/prerequisites.sh
source benchmarks/harness/lib.sh

soak_minutes=3
keep_data=0
rate=5,2,1,0.5
while [ $# -gt 0 ]; do
  case "$1" in
    --soak) soak_minutes=${2:?--soak needs minutes}; shift ;;
    --keep-data) keep_data=1 ;;
    --rate) rate=${2:?--rate needs REQUESTS/S,LINES/S,PAYMENTS/S[,SANDBOX_PAYMENTS/S]}; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done
[[ "$soak_minutes" =~ ^[0-9]+$ ]] || { echo "--soak takes whole minutes" >&2; exit 2; }
IFS=, read -r rate_requests rate_lines rate_payments rate_sandbox <<<"$rate"
rate_sandbox=${rate_sandbox:-0.5}

cm_ensure_prerequisites "$root" || { echo "prerequisites could not be installed" >&2; exit 2; }

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
out="$root/TestResults/faults"
work="$out/$stamp"
mkdir -p "$work/logs"
data="$root/.data-faults"
data_real=$(realpath -m "$data")
bench_replicas=2
run_commit=$(git -C "$root" rev-parse --short HEAD)
[ -z "$(git -C "$root" status --porcelain --untracked-files=no)" ] || run_commit="$run_commit (with local changes)"
: >"$work/phases.tsv"
: >"$work/faults.jsonl"
bench_log "fault run $stamp of $run_commit: output in $work"

# --- Build once (Release); everything after runs --no-build.
bench_log "building Release"
for project in CommercialManagement.AppHost/CommercialManagement.AppHost.csproj benchmarks/CommercialManagement.Bench; do
  timeout 1500 dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >>"$work/build.log" 2>&1 ||
    { echo "build of $project failed (see $work/build.log)" >&2; exit 2; }
done
bench_bin="$root/benchmarks/CommercialManagement.Bench/bin/Release/net10.0/CommercialManagement.Bench"

load_pid=
stop_load() {
  [ -n "$load_pid" ] || return 0
  touch "$work/stop"
  for _ in $(seq 1 120); do kill -0 "$load_pid" 2>/dev/null || break; sleep 1; done
  kill -TERM "$load_pid" 2>/dev/null
  wait "$load_pid" 2>/dev/null
  load_pid=
}
trap 'stop_load; bench_stop_system' EXIT
trap 'exit 130' INT TERM

if [ "$keep_data" = 0 ]; then bench_remove_data "$data"; fi

faults_now() { date +%s.%3N; }
faults_seconds() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }

# One phase of the run (its load, losses and doubles are counted by when each operation was answered).
phase_name=
phase_start=
faults_phase() {
  local now
  now=$(faults_now)
  [ -z "$phase_name" ] || printf '%s\t%s\t%s\n' "$phase_name" "$phase_start" "$now" >>"$work/phases.tsv"
  phase_name=$1
  phase_start=$now
}

# What a fault did and how long its recovery took: one JSON line per phase, joined to the reconciliation in the table.
faults_note() { jq -nc --arg phase "$1" --arg what "$2" --arg recovery "$3" '{phase: $phase, what: $what, recovery: $recovery}' >>"$work/faults.jsonl"; }

# Until every request accepted so far has its case in Dossier and its acknowledgement in Notification, from $1 (the
# fault's end). Prints "cases X s, acknowledgements Y s" and keeps the driver's JSON.
faults_backlog() {
  local since=$1 bound=$2 label=$3 json
  json=$("$bench_bin" backlog "$work" "$pg_cs" "$since" "$bound" 2>>"$work/backlog.err" | tail -n 1)
  echo "$json" >"$work/backlog-$label.json"
  jq -r 'def took(v; missing): if v == null then "not within \(.boundSeconds) s (\(missing) missing)" else "\(v) s" end;
    "cases drained \(took(.casesSeconds; .missingCases)), acknowledgements \(took(.acksSeconds; .missingAcks)) [\(.requests) requests accepted so far]"' \
    <<<"$json" 2>/dev/null || echo "backlog not measured"
}

# What every process wrote to its console: DCP keeps it in <its temporary folder>/<run id>_out and _err, one pair per
# process started (a replica started again gets its own), removed when the AppHost stops. Copied before the stop, named
# after the resource when the log says which (its MassTransit endpoints or its kind).
faults_save_logs() {
  local apphost dcp_dir f name
  apphost=$(pgrep -f "^$root/CommercialManagement.AppHost/bin/Release/net10.0/CommercialManagement.AppHost" | head -n 1)
  [ -n "$apphost" ] || return 0
  dcp_dir=$(pgrep -af "dcp start-apiserver --monitor $apphost " | sed -n 's/.*--kubeconfig \([^ ]*\)\/kubeconfig.*/\1/p' | head -n 1)
  [ -d "$dcp_dir" ] || return 0
  for f in "$dcp_dir"/*_out "$dcp_dir"/*_err; do
    [ -s "$f" ] || continue
    name=$(sed 's/\x1b\[[0-9;]*m//g' "${f%_*}_out" 2>/dev/null | grep -o -m1 'Configured endpoint [a-z]*' | awk '{print $3}')
    if [ -z "$name" ]; then
      if grep -q -m1 'PostgreSQL' "$f"; then name=postgres; elif grep -q -m1 'rabbit' "$f"; then name=rabbitmq; else name=other; fi
    fi
    sed 's/\x1b\[[0-9;]*m//g' "$f" >"$work/logs/$name-$(basename "$f").log"
  done
}

# RSS in MB of every service process, PostgreSQL (all its processes: PSS, so shared buffers count once) and RabbitMQ.
faults_memory() {
  local pid name pg total
  for pid in $(pgrep -f "^$root/src/.*/bin/Release/net10.0/CommercialManagement\." | sort -n); do
    name=$(basename "$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -n 1)")
    echo "${name#CommercialManagement.}#$pid $(awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$pid/status" 2>/dev/null)"
  done
  pg=$(pgrep -f "postgres -D .* -p $pg_port " | head -n 1)
  if [ -n "$pg" ]; then
    total=0
    for pid in "$pg" $(pgrep -P "$pg"); do
      total=$((total + $(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)))
    done
    echo "PostgreSQL(PSS,all) $((total / 1024))"
  fi
  pid=$(pgrep -f "beam.smp.*$data_real/rabbitmq" | head -n 1)
  [ -n "$pid" ] && echo "RabbitMQ $(awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$pid/status")"
}

# --- Start: two processes of every service and of the gateway. A fresh data folder is first started with one process
# each and stopped: two processes of a service seeding the demo data of an empty database at once collide (Quote's
# second replica died on PK_organisations), which is a first start's problem, not the faults'.
if [ "$keep_data" = 0 ]; then
  bench_log "first start with one process each (fresh data folder: databases, migrations, demo data)"
  bench_replicas=1
  bench_start_system "$data" "$work/apphost-first.log"
  first=$(bench_wait_healthy 900) || { echo "the first start did not become healthy in 900 s (see $work/apphost-first.log)" >&2; exit 2; }
  bench_log "first start healthy after $first s; letting the demo story settle 20 s, then stopping"
  sleep 20
  bench_stop_system
  bench_replicas=2
fi
bench_start_system "$data" "$work/apphost.log" --Topology:Replicas=2
started=$(bench_wait_healthy 900) || { echo "the system did not become healthy in 900 s (see $work/apphost.log)" >&2; exit 2; }
bench_discover
pg_cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=postgres"
bench_log "healthy after $started s (two processes each); PostgreSQL on port $pg_port"
for name in Inbox.Api Dossier.Api Quote.Api Payment.Api Notification.Worker Gateway; do
  echo "$name: $(bench_pids_of "CommercialManagement.$name" | paste -sd' ' -)" >>"$work/processes.txt"
done

# --- The load, for the whole run.
faults_phase "warm-up"
"$bench_bin" faults-load http://localhost:5100 "$work" "$rate_requests" "$rate_lines" "$rate_payments" "$rate_sandbox" http://localhost:5101 >"$work/load.json" 2>"$work/load.log" &
load_pid=$!
for _ in $(seq 1 600); do
  [ -f "$work/ready" ] && break
  kill -0 "$load_pid" 2>/dev/null || break
  sleep 1
done
[ -f "$work/ready" ] || { echo "the load driver did not get ready (see $work/load.log)" >&2; exit 2; }
bench_log "load ready: $(cat "$work/ready")"
faults_note "warm-up" "the load starts: $rate_requests web requests/s, $rate_lines quote lines/s, $rate_payments offline payments/s, $rate_sandbox sandbox payments/s through the gateway (quotes and accepted cases prepared: $(cat "$work/ready"))" "-"
sleep 30
pause=20

# --- R1: RabbitMQ's application stopped for 60 s (the Erlang node stays; the services lose their connections).
rabbit_node="cm$(printf '%s' "$data_real" | sha1sum | cut -c1-10)@localhost"
rabbitctl() { HOME="$data_real/rabbitmq/home" timeout 120 /usr/lib/rabbitmq/bin/rabbitmqctl -n "$rabbit_node" "$@"; }
faults_phase "R1 RabbitMQ stopped 60 s"
bench_log "R1: rabbitmqctl stop_app ($rabbit_node)"
r1_start=$(faults_now)
if rabbitctl stop_app >>"$work/rabbitmq.log" 2>&1; then
  sleep 60
  rabbitctl start_app >>"$work/rabbitmq.log" 2>&1 || bench_log "R1: start_app failed (see $work/rabbitmq.log)"
  r1_end=$(faults_now)
  bench_log "R1: RabbitMQ back after $(faults_seconds "$r1_start" "$r1_end") s"
  recovery=$(faults_backlog "$r1_end" 300 r1)
  bench_log "R1: $recovery"
  faults_note "R1 RabbitMQ stopped 60 s" "rabbitmqctl stop_app, 60 s, start_app ($(faults_seconds "$r1_start" "$r1_end") s without a broker)" "after start_app: $recovery"
else
  bench_log "R1: stop_app failed (see $work/rabbitmq.log)"
  faults_note "R1 RabbitMQ stopped 60 s" "not made: rabbitmqctl stop_app failed" "-"
fi
sleep "$pause"

# --- R2: kill -9 one process of each service and of the gateway in turn; the supervisor starts it again.
for name in Inbox.Api Dossier.Api Quote.Api Payment.Api Notification.Worker Gateway; do
  mapfile -t before < <(bench_pids_of "CommercialManagement.$name")
  victim=${before[0]:-}
  faults_phase "R2 kill -9 $name"
  [ -n "$victim" ] || { faults_note "R2 kill -9 $name" "not made: no process found" "-"; continue; }
  t0=$(faults_now)
  kill -9 "$victim"
  bench_log "R2: kill -9 $name (pid $victim of ${#before[@]})"
  back= newpid=
  for _ in $(seq 1 360); do
    for pid in $(bench_pids_of "CommercialManagement.$name"); do
      [[ " ${before[*]} " == *" $pid "* ]] && continue
      newpid=$pid
      bench_process_healthy "$pid" && { back=$(faults_now); break 2; }
    done
    sleep 0.5
  done
  if [ -n "$back" ]; then
    restart="started again by the AppHost (pid $newpid) and healthy $(faults_seconds "$t0" "$back") s after the kill"
    recovery=$(faults_backlog "$back" 120 "r2-$name")
  else
    restart="NOT healthy again within 180 s${newpid:+ (a new process $newpid started)}"
    back=$(faults_now)
    recovery=$(faults_backlog "$back" 120 "r2-$name")
  fi
  bench_log "R2 $name: $restart; $recovery"
  faults_note "R2 kill -9 $name" "kill -9 of one of its two processes under load" "$restart; then $recovery"
  sleep "$pause"
done

# --- R3: PostgreSQL restarted (fast shutdown: every connection cut), as an operator would with pg_ctl.
faults_phase "R3 PostgreSQL restart"
pg_line=$(pgrep -af "postgres -D .* -p $pg_port " | head -n 1)
pg_bin=$(awk '{print $2}' <<<"$pg_line" | xargs dirname)
pgdata=$(sed -n 's/.* -D \([^ ]*\) .*/\1/p' <<<"$pg_line")
as_postgres=()
[ "$(id -u)" = 0 ] && as_postgres=(setpriv --reuid=postgres --regid=postgres --init-groups)
bench_log "R3: pg_ctl restart -D $pgdata -m fast"
r3_start=$(faults_now)
# The new server is detached (its own session) and writes to pg-restart.log; postgres.sh finds it through postmaster.pid.
if setsid "${as_postgres[@]}" "$pg_bin/pg_ctl" restart -D "$pgdata" -m fast -w -t 120 >"$work/pg-restart.log" 2>&1 </dev/null; then
  r3_end=$(faults_now)
  bench_log "R3: PostgreSQL accepting again after $(faults_seconds "$r3_start" "$r3_end") s"
  recovery=$(faults_backlog "$r3_end" 300 r3)
  bench_log "R3: $recovery"
  faults_note "R3 PostgreSQL restart" "pg_ctl restart -m fast ($(faults_seconds "$r3_start" "$r3_end") s until it accepted connections again)" "$recovery"
else
  bench_log "R3: pg_ctl restart failed (see $work/pg-restart.log)"
  faults_note "R3 PostgreSQL restart" "pg_ctl restart failed: $(tail -n 1 "$work/pg-restart.log")" "-"
fi
sleep "$pause"

# --- The soak: memory of every process at its start and its end.
faults_phase "soak $soak_minutes min"
bench_discover
faults_memory >"$work/memory-start.txt"
bench_log "soak: $soak_minutes minutes"
soak_t0=$(faults_now)
sleep $((soak_minutes * 60))
faults_memory >"$work/memory-end.txt"
soak_seconds=$(faults_seconds "$soak_t0" "$(faults_now)")
faults_note "soak $soak_minutes min" "the load alone, $soak_seconds s between the two memory samples" "-"

# --- Stop the load; wait for the last backlog; reconcile.
faults_phase "after the load"
stop_t=$(faults_now)
stop_load
bench_log "load stopped: $(tail -n 1 "$work/load.log")"
drain=$(faults_backlog "$stop_t" 300 final)
bench_log "after the load: $drain"
faults_note "after the load" "the load stopped; the last operations answered" "$drain"
sleep 10
printf '%s\t%s\t%s\n' "$phase_name" "$phase_start" "$(faults_now)" >>"$work/phases.tsv"

"$bench_bin" reconcile "$work" "$pg_cs" >"$work/reconcile.json" 2>"$work/reconcile.err"
reconciled=$?
jq -e . "$work/reconcile.json" >/dev/null 2>&1 || { echo "the reconciliation failed (see $work/reconcile.err)" >&2; reconciled=2; }

# What the run left: parked messages, processes restarted, errors in the logs.
CM_DATA_FOLDER="$data" ./parked.sh >"$work/parked.txt" 2>&1
faults_save_logs
grep -h "starting it again\|could not be started again" "$work/apphost.log" >"$work/restarts.txt" 2>/dev/null
# Error and critical lines ("fail:", "crit:", an unhandled exception) by the category that wrote them, the most first.
grep -hoE '(fail|crit): [A-Za-z0-9_.]+|Unhandled exception\. [A-Za-z0-9_.]+' "$work"/logs/*.log 2>/dev/null | sort | uniq -c | sort -rn >"$work/log-errors.txt"
for name in Inbox.Api Dossier.Api Quote.Api Payment.Api Notification.Worker Gateway; do
  echo "$name: $(bench_pids_of "CommercialManagement.$name" | paste -sd' ' -)" >>"$work/processes-end.txt"
done
# --- The table (before the system stops: a run cut while it stops keeps its table).
cores=$(nproc)
memory=$(awk '/^MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)
{
  echo "### Fault run $stamp (commit $run_commit)"
  echo
  echo "Machine: $cores cores, $memory. Release build, benchmark mode, two processes of every service and of the gateway"
  echo "(\`--Topology:Replicas=2\`), healthy $started s after ./run.sh. Load through the gateway for the whole run: $rate_requests web"
  echo "requests/s, $rate_lines quote lines/s (« Divers », staff token), $rate_payments offline payments/s (staff token), $rate_sandbox sandbox"
  echo "payments/s (staff ask a payment request, the customer pays it from their space on the sandbox's checkout page with"
  echo "the test card; completed when the page redirects to the success page); each phase counts what was answered in it."
  echo "Lost: accepted and not in the service's database (requests: Inbox row, Dossier case, acknowledgement; lines: Quote;"
  echo "payments and sandbox payments: Payment's ledger, Dossier's count, the receipt). Doubled: one"
  echo "accepted thing written twice. Recovery: from the fault's end until every request accepted so far had its case"
  echo "(and its acknowledgement), goal 10 s."
  echo
  echo "| fault | load during it (accepted; refused or failed) | lost | doubled | recovery |"
  echo "| --- | --- | --- | --- | --- |"
  jq -r --slurpfile notes "$work/faults.jsonl" '
    def total(o): [o[]] | add // 0;
    def detail(o): [o | to_entries[] | select(.value > 0) | "\(.key) \(.value)"] | join(", ");
    def refused(o): (o | to_entries | map("\(.key) \(.value)") | join(", ")) as $r | if $r == "" then "none" else $r end;
    .phases[] as $p
    | ($notes | map(select(.phase == $p.phase)) | first) as $n
    | "| \($p.phase)\(if $n then ": " + $n.what else "" end) | \($p.requests) requests, \($p.lines) lines, \($p.payments) payments, \($p.sandbox // 0) sandbox payments; \(refused($p.refused)) | \(total($p.lost))\(if total($p.lost) > 0 then " (" + detail($p.lost) + ")" else "" end) | \(total($p.doubled))\(if total($p.doubled) > 0 then " (" + detail($p.doubled) + ")" else "" end) | \(if $n then $n.recovery else "-" end) |"
  ' "$work/reconcile.json" 2>/dev/null || echo "| reconciliation failed | see $work/reconcile.err | | | |"
  echo
  echo "Written but never answered (cut mid-flight, not a loss): $(jq -r '.writtenButUnanswered | to_entries | map("\(.key) \(.value)") | join(", ")' "$work/reconcile.json" 2>/dev/null)."
  echo
  echo "Memory over the soak ($soak_seconds s between the samples), MB (RSS; PostgreSQL as PSS of all its processes):"
  echo
  echo "| process | start | end | change |"
  echo "| --- | --- | --- | --- |"
  join <(sort "$work/memory-start.txt") <(sort "$work/memory-end.txt") | awk '{printf "| %s | %s | %s | %+d |\n", $1, $2, $3, $3-$2}'
  echo
  echo "Parked messages at the end (\`./parked.sh\`): $(paste -sd';' "$work/parked.txt")."
  echo "Processes the AppHost started again: $(wc -l <"$work/restarts.txt" 2>/dev/null || echo 0) (the kills of R2: 6)."
  if [ -s "$work/log-errors.txt" ]; then
    echo "Error lines in the processes' logs, by category: $(awk '{n=$1; $1=""; printf "%s%s ×%s", sep, substr($0,2), n; sep="; "}' "$work/log-errors.txt") (in $stamp/logs)."
  else
    echo "Error lines in the processes' logs: none found."
  fi
} >"$out/$stamp.md"
cat "$out/$stamp.md"
bench_stop_system

case "$reconciled" in
  0) bench_log "nothing lost, nothing written twice" ; exit 0 ;;
  1) bench_log "LOST OR DOUBLED: see the table"; exit 1 ;;
  *) exit 2 ;;
esac

#!/usr/bin/env bash
# The benchmark harness (issue 12): builds Release, starts the whole system through ./run.sh with real PostgreSQL and
# RabbitMQ in benchmark mode (--Bench:Enabled=true lifts the intake's per-address limit), starts the raw anchors in the
# same run, runs the scenarios P1-P8 and writes one table: TestResults/bench/<UTC time>.md and .json.
# Not part of ./test.sh nor of CI. Takes ~20 minutes on 2 cores after the build (~15 more with --with-p4).
#   ./bench.sh [--with-p4] [--keep-data]
#   --with-p4    also runs the in-process board/list benchmarks (P4: 100,000 dossiers; 100,000 requests and
#                1,000,000 messages), once the system is stopped
#   --keep-data  keeps .data-bench from the previous run (default: a fresh one, so nothing depends on earlier runs)
# The dev data (.data/local) is never touched: the run's data folder is .data-bench.
set -uo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$root"
source deploy/local/prerequisites.sh
source benchmarks/harness/lib.sh

with_p4=0
keep_data=0
for arg in "$@"; do
  case "$arg" in
    --with-p4) with_p4=1 ;;
    --keep-data) keep_data=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

cm_ensure_prerequisites "$root" || { echo "prerequisites could not be installed" >&2; exit 1; }
bench_ensure_wrk || exit 1

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
out="$root/TestResults/bench"
work="$out/$stamp"
mkdir -p "$work"
figures="$work/figures.jsonl"
: >"$figures"
data="$root/.data-bench"
run_commit=$(git -C "$root" rev-parse --short HEAD)
[ -z "$(git -C "$root" status --porcelain --untracked-files=no)" ] || run_commit="$run_commit (with local changes)"
bench_log "run $stamp of $run_commit: output in $work"

# --- Build once (Release); everything after runs --no-build.
bench_log "building Release"
build_ok=1
projects=(CommercialManagement.AppHost/CommercialManagement.AppHost.csproj benchmarks/CommercialManagement.Bench tests/CommercialManagement.Quote.UnitTests)
[ "$with_p4" = 0 ] || projects+=(benchmarks/CommercialManagement.Dossier.Benchmarks benchmarks/CommercialManagement.Inbox.Benchmarks)
for project in "${projects[@]}"; do
  if ! timeout 1200 dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly >>"$work/build.log" 2>&1; then
    echo "build of $project failed (see $work/build.log)" >&2
    case "$project" in *AppHost*|*Bench) exit 1 ;; esac
    build_ok=0
  fi
done
anchors_bin="$root/benchmarks/CommercialManagement.Bench/bin/Release/net10.0/CommercialManagement.Bench"

if [ "$keep_data" = 0 ]; then bench_remove_data "$data"; fi
trap 'bench_stop_anchors; bench_stop_system' EXIT
trap 'exit 130' INT TERM

# --- P6: first start (fresh data folder: databases created, migrations, demo data), then the second start timed.
bench_start_system "$data" "$work/apphost-1.log"
first=$(bench_wait_healthy 600) || { echo "the system did not become healthy in 600 s (see $work/apphost-1.log)" >&2; exit 1; }
bench_figure P6 "first start (fresh data folder), ./run.sh --no-build to every resource healthy" "$first" s "info" "" "$(bench_load)"
bench_log "first start: healthy after $first s; letting the demo story settle 30 s, then stopping"
sleep 30
bench_stop_system
bench_start_system "$data" "$work/apphost-2.log"
second=$(bench_wait_healthy 600) || { echo "the second start did not become healthy in 600 s" >&2; exit 1; }
build_part=$(bench_build_seconds "$work/apphost-2.log")
bench_figure P6 "second start, ./run.sh --no-build to every resource healthy" "$second" s "< 40" "$(awk -v v="$second" 'BEGIN{print (v<40)?"met":"missed"}')" "$(bench_load)"
[ -n "$build_part" ] && bench_figure P6 "of which run.sh's prerequisites check (before the AppHost starts)" "$build_part" s "info" "" ""
bench_figure P6 "second start: when each process started, after ./run.sh" "$(bench_start_offsets)" "" "info" "" ""

bench_discover
bench_log "postgres on port $pg_port; inbox-api direct at $inbox_url"

# --- P7 (idle) with the commits per database.
bench_log "P7: idle 20 s to settle, then 30 s sampled"
sleep 20
bench_sample_processes idle 30
bench_log "P7 idle done"

# --- The anchors, in this same run, on the AppHost's PostgreSQL (database benchdb).
bench_start_anchors

# --- P5: the 20-line quote PDF (the Quote unit test that prints its render times).
if [ "$build_ok" = 1 ] || [ -f tests/CommercialManagement.Quote.UnitTests/bin/Release/net10.0/CommercialManagement.Quote.UnitTests.dll ]; then
  bench_log "P5: quote PDF"
  timeout 300 dotnet test tests/CommercialManagement.Quote.UnitTests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~Render_TwentyLines" --logger "console;verbosity=detailed" >"$work/p5.log" 2>&1
  median=$(sed -n 's/.*median of 20 renders \([0-9.]*\) ms.*/\1/p' "$work/p5.log" | head -n 1)
  if [ -n "$median" ]; then
    bench_figure P5 "quote PDF of 20 lines, median of 20 renders (warm process)" "$median" ms "< 15" "$(bench_lt "$median" 15)" "$(bench_load)"
  else
    bench_figure P5 "quote PDF of 20 lines" "" ms "< 15" "not measured" "$(bench_load)"
  fi
fi

# --- P3: accepted -> case visible, at a steady 100 requests/s.
bench_wait_quiet 300 P3
bench_log "P3: 100 requests/s for 30 s, one in 25 followed to its case through the API, all of them in the databases"
p3=$(timeout 200 "$anchors_bin" visibility "$gateway_url" 100 30 25 60 2>"$work/p3.err" | tail -n 1)
echo "$p3" >"$work/p3.json"
load=$(bench_load)
if jq -e . >/dev/null 2>&1 <<<"$p3"; then
  v50=$(jq -r '.visibleP50Ms // "n/a"' <<<"$p3"); v99=$(jq -r '.visibleP99Ms // "n/a"' <<<"$p3")
  bench_figure P3 "accepted -> case visible (GET /api/dossiers/{id}), p50 [$(jq -r '"\(.visible)/\(.tracked) seen, \(.errors) errors"' <<<"$p3")]" "$v50" ms "< 100" "$(bench_lt "$v50" 100)" "$load"
  bench_figure P3 "accepted -> case visible, p99 (not seen within 60 s counts as infinite)" "$v99" ms "< 500" "$(bench_lt "$v99" 500)" "$load"
  bench_figure P3 "POST at 100/s through the gateway, p99 [$(jq -r '"\(.accepted) of \(.posted) accepted, \(.errors) errors"' <<<"$p3")]" "$(jq -r '.postP99Ms // "n/a"' <<<"$p3")" ms "info" "" "$load"
  # Every request of the run, from the databases (no poll): reception in Inbox -> the case opened by Dossier's consumer.
  bench_wait_quiet 120 "P3's count"
  read -r p3_total p3_missing p3_p50 p3_p99 <<<"$(bench_p3_from_databases "$(jq -r '.tag' <<<"$p3")")"
  bench_figure P3 "received -> case opened in Dossier, p50, every request of the run from the databases [$p3_total requests, $p3_missing without a case]" "$p3_p50" ms "< 100" "$(bench_lt "$p3_p50" 100)" "$load"
  bench_figure P3 "received -> case opened in Dossier, p99, from the databases" "$p3_p99" ms "< 500" "$(bench_lt "$p3_p99" 500)" "$load"
else
  bench_figure P3 "accepted -> case visible" "" ms "< 100 / < 500" "not measured" "$load"
fi

# --- P8: a burst of 5,000 acknowledgements queued at once in notificationdb, then one staff reply through the gateway.
bench_wait_quiet 300 P8
bench_log "P8: 5,000 acknowledgements queued, then one staff reply"
p8=$(timeout 480 "$anchors_bin" emails "$gateway_url" "$notification_cs" 5000 120 240 2>"$work/p8.err" | tail -n 1)
echo "$p8" >"$work/p8.json"
load=$(bench_load)
if jq -e . >/dev/null 2>&1 <<<"$p8"; then
  rate=$(jq -r '.burstEmailsPerSecond // "n/a"' <<<"$p8")
  reply=$(jq -r 'if .replyQueuedToSentMs then (.replyQueuedToSentMs / 1000 * 100 | round / 100) else "n/a" end' <<<"$p8")
  bench_figure P8 "burst sent to the mail catcher, queued -> last sent [$(jq -r '"\(.burstSent) of \(.burst) sent in \(.burstSeconds) s, \(.burstFailed) failed"' <<<"$p8")]" "$rate" "emails/s" ">= 100" "$(bench_ge "$rate" 100)" "$load"
  bench_figure P8 "staff reply, queued -> sent [$(jq -r '"\(.burstUnsentWhenReplyQueued) of the burst still unsent then"' <<<"$p8")]" "$reply" s "< 2" "$(bench_lt "$reply" 2)" "$load"
else
  bench_figure P8 "emails" "" "" ">= 100/s; < 2 s" "not measured" "$load"
fi

# --- The anchors, then P2 (Inbox direct) and P1 (through the gateway), closed loop at a fixed concurrency.
bench_wait_quiet 300 "the anchors"
bench_wrk anchor-bare "http://127.0.0.1:$anchor_bare_port/public/requests" 10 20
bench_wrk anchor-rawwrite "http://127.0.0.1:$anchor_raw_port/public/requests" 15 30
bench_wrk anchor-rawwrite-yarp "http://127.0.0.1:$anchor_proxy_port/public/requests" 15 30
requests_before=$(bench_count inboxdb "SELECT count(*) FROM requests")
bench_wait_quiet 300 P2
bench_wrk p2-inbox-direct "$inbox_url/public/requests" 15 30
bench_wait_quiet 300 P1
bench_statements_reset
bench_wrk p1-gateway "$gateway_url/public/requests" 20 60

bare=$(bench_wrk_field anchor-bare rps); raw=$(bench_wrk_field anchor-rawwrite rps); rawyarp=$(bench_wrk_field anchor-rawwrite-yarp rps)
direct=$(bench_wrk_field p2-inbox-direct rps); gw=$(bench_wrk_field p1-gateway rps)
bench_figure anchor "bare minimal API, POST -> 202 [p99 $(bench_wrk_field anchor-bare p99Ms) ms]" "$bare" "req/s" "info" "" "$(bench_wrk_field anchor-bare load)"
bench_figure anchor "raw write (Npgsql: request + outbox row, one transaction) [p99 $(bench_wrk_field anchor-rawwrite p99Ms) ms]" "$raw" "req/s" "info" "" "$(bench_wrk_field anchor-rawwrite load)"
bench_figure anchor "raw write through a bare YARP proxy [p99 $(bench_wrk_field anchor-rawwrite-yarp p99Ms) ms]" "$rawyarp" "req/s" "info" "" "$(bench_wrk_field anchor-rawwrite-yarp load)"
bench_figure P1 "POST /public/requests through the gateway, 60 s [$gw req/s]" "$(bench_ratio "$gw" "$rawyarp")" "% of raw write through YARP" ">= 70" "$(bench_ge "$(bench_ratio "$gw" "$rawyarp")" 70)" "$(bench_wrk_field p1-gateway load)"
bench_figure P1 "p99" "$(bench_wrk_field p1-gateway p99Ms)" ms "< 100" "$(bench_lt "$(bench_wrk_field p1-gateway p99Ms)" 100)" "$(bench_wrk_field p1-gateway load)"
bench_figure P1 "errors (socket errors and non-2xx)" "$(bench_wrk_field p1-gateway errors)" "" "0" "$(bench_le "$(bench_wrk_field p1-gateway errors)" 0)" "$(bench_wrk_field p1-gateway load)"
bench_figure P1 "CPU per accepted request, in ms, by process (what the time is made of)" "$(bench_wrk_field p1-gateway cpuMsPerRequest)" "" "info" "" "$(bench_wrk_field p1-gateway load)"
bench_figure anchor "raw write through YARP: CPU per request, in ms, by process" "$(bench_wrk_field anchor-rawwrite-yarp cpuMsPerRequest)" "" "info" "" "$(bench_wrk_field anchor-rawwrite-yarp load)"
p2ratio=$(bench_ratio "$gw" "$direct")
bench_figure P2 "gateway / Inbox direct [$direct req/s direct, p99 $(bench_wrk_field p2-inbox-direct p99Ms) ms]" "$p2ratio" "%" ">= 85" "$(bench_ge "$p2ratio" 85)" "$(bench_wrk_field p2-inbox-direct load)"

# What PostgreSQL ran for P1's requests (warm-up, window and the pipeline behind them, until quiet): pg_stat_statements.
bench_wait_quiet 180 "P1's statements"
bench_statements_top 15 "$work/p1-statements.txt"
p1_all=$(( $(bench_wrk_field p1-gateway requests) + $(jq -r '.requests // 0' <<<"$(grep '^{' "$work/wrk-p1-gateway-warmup.txt" | tail -n 1)" 2>/dev/null || echo 0) ))
bench_figure P1 "statements per accepted request by database (pg_stat_statements, warm-up and pipeline included; the top 15 in p1-statements.txt)" "$(bench_statements_per_request "$p1_all")" "" "info" "" "$(bench_load)"

# Every accepted request has its case: both databases counted, waiting (bounded) for the relay and Dossier.
bench_log "P1: waiting up to 120 s for every request to have its case"
for _ in $(seq 1 24); do
  requests=$(bench_count inboxdb "SELECT count(*) FROM requests")
  dossiers=$(bench_count dossierdb "SELECT count(*) FROM dossiers")
  [ "$requests" = "$dossiers" ] && break
  sleep 5
done
accepted=$(( $(bench_wrk_field p2-inbox-direct requests) + $(bench_wrk_field p1-gateway requests) ))
bench_figure P1 "requests (inboxdb) with their case (dossierdb) 120 s after the load [$dossiers of $requests; $((requests - requests_before)) new rows, warm-ups included]" \
  "$((requests - dossiers))" "without a case" "0" "$(bench_le "$((requests - dossiers))" 0)" "$(bench_load)"
echo "measured windows accepted (wrk count): $accepted" >>"$work/notes.txt"

# --- P7 after the load.
bench_sample_processes after-p1 30

# --- The relay alone (goal of issue 12: >= 2,000 messages/s), once the pipeline is quiet.
bench_wait_quiet 300 "the relay drain"
bench_relay_drain 20000

bench_stop_anchors
bench_stop_system

# --- P4: the in-process benchmarks on their own private PostgreSQL (the system stopped, so it does not compete).
if [ "$with_p4" = 1 ] && [ "$build_ok" = 1 ]; then
  bench_p4
else
  bench_figure P4 "board, list and search (100,000 dossiers; 100,000 requests, 1,000,000 messages)" "" ms "< 50 / < 100" "not measured (./bench.sh --with-p4)" ""
fi

bench_report "$stamp" "$work" "$out"

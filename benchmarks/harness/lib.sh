# Functions of ./bench.sh (sourced; expects $root, $work, $figures, $stamp). Every wait is bounded.

bench_log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

bench_ensure_wrk() {
  command -v wrk >/dev/null && return 0
  echo "Installing missing packages: wrk"
  local sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
}

# A fresh data folder, and the PostgreSQL data postgres.sh may have put under /var/tmp for it.
bench_remove_data() {
  local data
  data=$(realpath -m "$1")
  rm -rf "$data" "/var/tmp/commercialmanagement-$(printf '%s' "$data" | sha1sum | cut -c1-12)"
}

# ./run.sh in the background, in its own session (Ctrl-C on the harness does not reach it twice): Release, already built
# (--no-build), benchmark mode, the bench data folder. Records when run.sh prints its banner (prerequisites checked).
# Arguments after the log go to the AppHost as well (./faults.sh: --Topology:Replicas=2).
bench_start_system() {
  local data=$1 log=$2
  system_started=$(date +%s.%N)
  system_log=$log
  setsid ./run.sh --no-build --Bench:Enabled=true "--Infrastructure:DataFolder=$data" "${@:3}" >"$log" 2>&1 &
  system_pid=$!
  ( for _ in $(seq 1 3000); do
      grep -q 'Ctrl-C stops everything' "$log" 2>/dev/null && { date +%s.%N >"$log.banner"; break; }
      sleep 0.2
    done ) &
  bench_log "started ./run.sh (pid $system_pid)"
}

# SIGTERM to run.sh, which stops the AppHost and waits for DCP's children to go (60 s at most).
bench_stop_system() {
  [ -n "${system_pid:-}" ] || return 0
  if kill -0 "$system_pid" 2>/dev/null; then
    bench_log "stopping ./run.sh (pid $system_pid)"
    kill -TERM "$system_pid" 2>/dev/null
    for _ in $(seq 1 120); do kill -0 "$system_pid" 2>/dev/null || break; sleep 1; done
  fi
  system_pid=
}

# Every resource healthy: each service's own /health (healthy with its database and the bus), the gateway's, the demo
# website's and the mail catcher's pages. Prints the seconds since ./run.sh was started.
bench_wait_healthy() {
  local bound=$1 deadline=$(( $(date +%s) + $1 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if bench_services_healthy &&
       [ "$(curl -s -o /dev/null --max-time 15 -w '%{http_code}' http://localhost:5100/health)" = 200 ] &&
       [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' http://localhost:5102/health)" = 200 ] &&
       [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' http://localhost:5101/)" = 200 ]; then
      awk -v a="$system_started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f\n", b-a}'
      return 0
    fi
    kill -0 "$system_pid" 2>/dev/null || { bench_log "run.sh exited"; return 1; }
    sleep 0.5
  done
  bench_log "not healthy within $bound s"
  return 1
}

# The five services answer 200 on their own /health (their address read from their environment). With
# bench_replicas=N (./faults.sh: 2), every one of the N processes of each service and of the gateway.
bench_services_healthy() {
  local name pid names=(Inbox.Api Dossier.Api Quote.Api Payment.Api Notification.Worker) pids
  [ "${bench_replicas:-1}" = 1 ] || names+=(Gateway)
  for name in "${names[@]}"; do
    pids=$(bench_pids_of "CommercialManagement.$name")
    [ "$(wc -w <<<"$pids")" -ge "${bench_replicas:-1}" ] || return 1
    for pid in $pids; do
      bench_process_healthy "$pid" || return 1
    done
  done
}

# One process answers 200 on its own /health.
bench_process_healthy() {
  local url
  url=$(bench_env_of "$1" ASPNETCORE_URLS | cut -d';' -f1)
  [ -n "$url" ] && [ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "${url%/}/health")" = 200 ]
}

bench_build_seconds() {
  [ -f "$1.banner" ] && awk -v a="$system_started" -v b="$(cat "$1.banner")" 'BEGIN{printf "%.1f\n", b-a}'
}

bench_pid_of() { bench_pids_of "$1" | head -n 1; }

# Every process of a project (each of its replicas), one pid a line.
bench_pids_of() { pgrep -f "^$root/src/.*/bin/Release/net10.0/$1\$" | sort -n; }

bench_env_of() { tr '\0' '\n' <"/proc/$1/environ" | sed -n "s/^$2=//p" | head -n 1; }

# Where things are: PostgreSQL's port and password from inbox-api's connection string, inbox-api's own address from
# the gateway's service discovery variables.
bench_discover() {
  local inbox gateway notification cs
  inbox=$(bench_pid_of CommercialManagement.Inbox.Api)
  gateway=$(bench_pid_of CommercialManagement.Gateway)
  notification=$(bench_pid_of CommercialManagement.Notification.Worker)
  cs=$(bench_env_of "$inbox" ConnectionStrings__inboxdb)
  pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$cs")
  pg_password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$cs")
  notification_cs=$(bench_env_of "$notification" ConnectionStrings__notificationdb)
  # Inbox's own port (ASPNETCORE_URLS), not DCP's proxy in front of it: "direct" means no hop at all.
  inbox_url=$(bench_env_of "$inbox" ASPNETCORE_URLS | cut -d';' -f1)
  inbox_url=${inbox_url%/}
  gateway_url=http://localhost:5100
}

bench_count() { PGPASSWORD=$pg_password timeout 60 psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -Atc "$2" 2>/dev/null; }

bench_start_anchors() {
  anchor_bare_port=5190; anchor_raw_port=5191; anchor_proxy_port=5192
  local cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=benchdb;Maximum Pool Size=32"
  "$anchors_bin" bare "$anchor_bare_port" >"$work/anchor-bare.log" 2>&1 & anchor_pids=($!)
  "$anchors_bin" rawwrite "$anchor_raw_port" "$cs" >"$work/anchor-rawwrite.log" 2>&1 & anchor_pids+=($!)
  "$anchors_bin" proxy "$anchor_proxy_port" "http://127.0.0.1:$anchor_raw_port" >"$work/anchor-proxy.log" 2>&1 & anchor_pids+=($!)
  local port
  for port in "$anchor_bare_port" "$anchor_raw_port" "$anchor_proxy_port"; do
    for _ in $(seq 1 60); do
      [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        -d "$(bench_body probe-$port)" "http://127.0.0.1:$port/public/requests")" = 202 ] && break
      sleep 1
    done
  done
  bench_log "anchors on $anchor_bare_port (bare), $anchor_raw_port (raw write), $anchor_proxy_port (YARP -> raw write)"
}

bench_stop_anchors() {
  local pid
  for pid in "${anchor_pids[@]:-}"; do
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${anchor_pids[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null
  done
  anchor_pids=()
}

bench_body() {
  printf '{"siteKey":"valneve-office-demo","name":"Bench %s","email":"%s@example.test","arrival":"2027-02-13","departure":"2027-02-20","adults":2,"message":"Bench %s","consent":true}' "$1" "$1" "$1"
}

bench_load() { cut -d' ' -f1-3 /proc/loadavg; }

# wrk, closed loop, 2 threads x 32 connections: a warm-up (discarded), then the measured window, with the 1-minute
# load average sampled every 5 s (min-max kept) and the CPU each process spent per accepted request in the window.
bench_wrk() {
  local name=$1 url=$2 warm=$3 seconds=$4
  bench_log "wrk $name: $url, warm-up $warm s, measured $seconds s"
  BENCH_TAG="$name-w-$stamp" timeout $((warm + 60)) wrk -t2 -c32 -d"${warm}s" --timeout 10s -s benchmarks/harness/intake.lua "$url" >"$work/wrk-$name-warmup.txt" 2>&1
  ( while :; do cut -d' ' -f1 /proc/loadavg; sleep 5; done ) >"$work/load-$name.txt" &
  local sampler=$!
  bench_cpu_snapshot >"$work/cpu-$name-before.txt"
  BENCH_TAG="$name-$stamp" timeout $((seconds + 60)) wrk -t2 -c32 -d"${seconds}s" --timeout 10s -s benchmarks/harness/intake.lua "$url" >"$work/wrk-$name.txt" 2>&1
  bench_cpu_snapshot >"$work/cpu-$name-after.txt"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  local json load cpu
  json=$(grep '^{' "$work/wrk-$name.txt" | tail -n 1)
  load=$(sort -n "$work/load-$name.txt" | sed -n '1p;$p' | paste -sd- -)
  [ -n "$json" ] || json='{}'
  cpu=$(bench_cpu_per_request "$work/cpu-$name-before.txt" "$work/cpu-$name-after.txt" "$(jq -r '.requests // 0' <<<"$json" 2>/dev/null)")
  jq -c --arg load "$load" --arg cpu "$cpu" '. + {load: $load, cpuMsPerRequest: $cpu}' <<<"$json" >"$work/wrk-$name.json" 2>/dev/null || echo '{}' >"$work/wrk-$name.json"
  bench_log "wrk $name: $(cat "$work/wrk-$name.json")"
}

bench_wrk_field() { jq -r ".$2 // \"n/a\"" "$work/wrk-$1.json" 2>/dev/null || echo n/a; }

bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a+0 > 0 && b+0 > 0) printf "%.1f\n", 100*a/b; else print "n/a" }'; }

bench_is_number() { [[ "$1" =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; }
bench_lt() { bench_is_number "$1" && awk -v v="$1" -v g="$2" 'BEGIN{print (v<g)?"met":"missed"}' || echo missed; }
bench_le() { bench_is_number "$1" && awk -v v="$1" -v g="$2" 'BEGIN{print (v<=g)?"met":"missed"}' || echo missed; }
bench_ge() { bench_is_number "$1" && awk -v v="$1" -v g="$2" 'BEGIN{print (v>=g)?"met":"missed"}' || echo missed; }

# One line of the table: scenario, what, value, unit, goal, met/missed (or empty for information), load average.
bench_figure() {
  jq -nc --arg scenario "$1" --arg figure "$2" --arg value "$3" --arg unit "$4" --arg goal "$5" --arg verdict "$6" --arg load "$7" \
    '{scenario: $scenario, figure: $figure, value: $value, unit: $unit, goal: $goal, verdict: $verdict, load: $load}' >>"$figures"
  bench_log "$1 | $2 | $3 $4 | goal $5 | $6"
}

# CPU (% of one core over the window, from /proc/<pid>/stat utime+stime) and RSS of every service, PostgreSQL's
# processes together and RabbitMQ; commits per second of every database (pg_stat_database.xact_commit).
bench_sample_processes() {
  local label=$1 seconds=$2 tck pids=() names=() pid pg
  tck=$(getconf CLK_TCK)
  for pid in $(pgrep -f "^$root/src/.*/bin/Release/net10.0/CommercialManagement\."); do
    pids+=("$pid"); names+=("$(basename "$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -n 1)")")
  done
  local rabbit
  rabbit=$(pgrep -f "beam.smp.*$(realpath -m "$data")/rabbitmq" | head -n 1)
  commits() { bench_count postgres "SELECT datname || '=' || xact_commit FROM pg_stat_database WHERE datname NOT IN ('template0','template1') AND datname IS NOT NULL ORDER BY datname"; }
  local before=() after=() i
  for pid in "${pids[@]}"; do before+=("$(bench_ticks "$pid")"); done
  local pg_before rabbit_before commits_before
  # shellcheck disable=SC2086
  pg_before=$(bench_pg_ticks); rabbit_before=$(bench_ticks $rabbit); commits_before=$(commits)
  local started=$(date +%s.%N)
  sleep "$seconds"
  local elapsed
  elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  local load
  load=$(bench_load)
  for i in "${!pids[@]}"; do
    local cpu rss
    cpu=$(awk -v d=$(( $(bench_ticks "${pids[$i]}") - ${before[$i]} )) -v t="$tck" -v s="$elapsed" 'BEGIN{printf "%.1f", 100*d/t/s}')
    rss=$(awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/${pids[$i]}/status" 2>/dev/null)
    local verdict
    if [ "$(bench_lt "$cpu" 2)" = met ] && [ "$(bench_lt "${rss:-x}" 200)" = met ]; then verdict=met; else verdict=missed; fi
    bench_figure P7 "$label: ${names[$i]#CommercialManagement.} CPU / RSS" "$cpu % / ${rss:-?} MB" "" "< 2 % / < 200 MB" "$verdict" "$load"
  done
  # shellcheck disable=SC2086
  bench_figure P7 "$label: PostgreSQL (all its processes) CPU" "$(awk -v d=$(( $(bench_pg_ticks) - pg_before )) -v t="$tck" -v s="$elapsed" 'BEGIN{printf "%.1f", 100*d/t/s}')" "% of a core" "info" "" "$load"
  # shellcheck disable=SC2086
  bench_figure P7 "$label: RabbitMQ CPU" "$(awk -v d=$(( $(bench_ticks $rabbit) - rabbit_before )) -v t="$tck" -v s="$elapsed" 'BEGIN{printf "%.1f", 100*d/t/s}')" "% of a core" "info" "" "$load"
  local per
  per=$(join -t= <(sort <<<"$commits_before") <(commits | sort) | awk -F= -v s="$elapsed" '{printf "%s%s %.1f", sep, $1, ($3-$2)/s; sep=", "}')
  bench_figure P7 "$label: commits/s per database" "$per" "" "info" "" "$load"
}

# P4: the in-process benchmarks (their own private PostgreSQL), figures read from their "after VACUUM" section.
bench_p4() {
  bench_log "P4: Dossier board and « Pilotage » benchmark (100,000 dossiers)"
  # About 200 s of bulk load, then two rounds of measures: seven minutes on a quiet machine.
  timeout 900 benchmarks/CommercialManagement.Dossier.Benchmarks/bin/Release/net10.0/CommercialManagement.Dossier.Benchmarks 100000 20 3 >"$work/p4-dossier.log" 2>&1
  local load
  load=$(bench_load)
  bench_p4_figures "$work/p4-dossier.log" "/api/dossiers/board" "board (7 columns: counts and first page) at 100,000 dossiers, p95" 50 "$load"
  bench_p4_search "$work/p4-dossier.log" "/api/dossiers/board?search=" "board search, slowest p95 of the searches" "$load"
  bench_p4_figures "$work/p4-dossier.log" "/api/dossiers/reporting" "« Pilotage » (season in progress: funnel, turnover, products, agents, occupancy, balances) at 100,000 dossiers, p95" 200 "$load"
  bench_p4_slowest "$work/p4-dossier.log" "/api/dossiers/reporting" "« Pilotage », slowest p95 of its views (a year, one agent, CSV)" 200 "$load"
  bench_log "P4: Inbox requests list benchmark (${BENCH_P4_INBOX_ARGS:-100000 20 1000000})"
  # shellcheck disable=SC2086
  timeout 900 benchmarks/CommercialManagement.Inbox.Benchmarks/bin/Release/net10.0/CommercialManagement.Inbox.Benchmarks ${BENCH_P4_INBOX_ARGS:-100000 20 1000000} >"$work/p4-inbox.log" 2>&1
  load=$(bench_load)
  bench_p4_figures "$work/p4-inbox.log" "/api/requests?page=1&pageSize=25" "requests list, first page, p95 [$(grep -m1 -o '^[0-9]* requests[^,]*' "$work/p4-inbox.log")]" 50 "$load"
  bench_p4_search "$work/p4-inbox.log" "/api/requests?search=" "requests list search, slowest p95 of the searches" "$load"
}

# The p95 of one query in the "-- after VACUUM ANALYZE" section of a benchmark's output ("<query> p50 X ms p95 Y ms ...").
bench_p4_value() {
  awk -v q="$2" '/^-- /{after = ($0 ~ /^-- after VACUUM/)} after && $1==q { for (i=1;i<=NF;i++) if ($i=="p95") v=$(i+1) } END{print v}' "$1"
}

bench_p4_figures() {
  local value
  value=$(bench_p4_value "$1" "$2")
  bench_figure P4 "$3" "${value:-n/a}" ms "< $4" "$(bench_lt "${value:-x}" "$4")" "$5"
}

bench_p4_search() {
  bench_p4_slowest "$1" "$2" "$3" 100 "$4"
}

# The slowest p95 among the queries starting with a prefix, named, against a goal: FILE PREFIX LABEL GOAL LOAD.
bench_p4_slowest() {
  local worst
  worst=$(awk -v q="$2" '/^-- /{after = ($0 ~ /^-- after VACUUM/)} after && index($1,q)==1 { for (i=1;i<=NF;i++) if ($i=="p95" && $(i+1)+0 > v+0) { v=$(i+1); w=$1 } } END{ if (v!="") print v, w }' "$1")
  bench_figure P4 "$3 [${worst#* }]" "${worst%% *}" ms "< $4" "$(bench_lt "${worst%% *}" "$4")" "$5"
}

# The table: TestResults/bench/<stamp>.md and .json, and the markdown printed.
bench_report() {
  local stamp=$1 work=$2 out=$3
  local cores memory commit
  cores=$(nproc)
  memory=$(awk '/^MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)
  commit=${run_commit:-$(git -C "$root" rev-parse --short HEAD)}
  jq -s --arg date "$stamp" --arg cores "$cores" --arg memory "$memory" --arg commit "$commit" \
    '{date: $date, commit: $commit, machine: {cores: ($cores|tonumber), memory: $memory}, figures: .}' "$figures" >"$out/$stamp.json"
  {
    echo "### Benchmark run $stamp (commit $commit)"
    echo
    echo "Machine: $cores cores, $memory; load average (1, 5, 15 min) at the end of each figure's window. Release build, benchmark mode."
    echo
    echo "| # | figure | value | goal | verdict | load average |"
    echo "| --- | --- | --- | --- | --- | --- |"
    jq -r '"| \(.scenario) | \(.figure) | \(.value) \(.unit) | \(.goal) | \(if .verdict == "" then "-" else .verdict end) | \(.load) |"' "$figures"
  } >"$out/$stamp.md"
  cat "$out/$stamp.md"
}

# Waits (at most $1 s) until the pipeline is quiet: no outbox row pending in any database, no email queued, and the
# services together below a tenth of a core over 3 s (their consumers' queues drained). So a scenario does not pay for
# the backlog of the one before. Prints the seconds waited; a figure says so when the bound was reached.
bench_wait_quiet() {
  local bound=$1 label=$2 started deadline pending queued cpu tck pids
  started=$(date +%s); deadline=$((started + bound)); tck=$(getconf CLK_TCK)
  while :; do
    pending=0
    local db
    for db in inboxdb dossierdb quotedb paymentdb notificationdb; do
      pending=$((pending + $(bench_count "$db" "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL" || echo 0)))
    done
    queued=$(bench_count notificationdb "SELECT count(*) FROM emails WHERE \"Status\" = 'Queued'" || echo 0)
    pids=$(pgrep -f "^$root/src/.*/bin/Release/net10.0/CommercialManagement\." | tr '\n' ' ')
    # shellcheck disable=SC2086
    local t0 t1
    t0=$(bench_ticks $pids); sleep 3; t1=$(bench_ticks $pids)
    cpu=$(awk -v d=$((t1 - t0)) -v t="$tck" 'BEGIN{printf "%.0f", 100*d/t/3}')
    if [ "$pending" = 0 ] && [ "${queued:-0}" = 0 ] && [ "$cpu" -lt 10 ]; then break; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      bench_figure quiet "before $label: not quiet after $bound s ($pending outbox rows pending, $queued emails queued, services at $cpu % of a core)" "$bound" s "info" "" "$(bench_load)"
      return 0
    fi
  done
  bench_log "quiet before $label after $(( $(date +%s) - started )) s"
}

# PostgreSQL's CPU so far: the server process, the backends alive now, and the ones that exited (their time is added to
# the server's cutime and cstime when it reaps them), so a connection closed during a window does not make its CPU vanish.
bench_pg_ticks() {
  local pg
  pg=$(pgrep -f "postgres -D .* -p $pg_port " | head -n 1)
  [ -n "$pg" ] || { echo 0; return; }
  # shellcheck disable=SC2046
  echo $(( $(sed 's/.*) //' "/proc/$pg/stat" | awk '{print $12 + $13 + $14 + $15}') + $(bench_ticks $(pgrep -P "$pg")) ))
}

bench_ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}'))); done; echo "$t"; }

# The relay alone: $1 ConversationRead rows written straight into Inbox's outbox (one per request, cycling over the
# requests there, so the rows belong to many cases and nothing holds them in one chain), then counted until sent.
# Rate = rows / (last sent_at - first sent_at); also from the insert's commit to the last row sent. The staff id
# b0000000-…-b1 marks the rows (no staff member has it).
bench_relay_drain() {
  local rows=$1 inserted_at done_rows
  bench_log "relay drain: $rows outbox rows inserted into inboxdb"
  bench_count inboxdb "
    WITH r AS (SELECT \"Id\" AS id, \"OrganisationId\" AS organisation_id,
                      row_number() OVER (ORDER BY \"Id\") - 1 AS k, count(*) OVER () AS total FROM requests)
    INSERT INTO outbox_messages (id, message_type, payload, occurred_at, next_attempt_at, attempts)
    SELECT gen_random_uuid(), 'CommercialManagement.Contracts.Inbox.ConversationRead',
           jsonb_build_object('organisationId', r.organisation_id, 'occurredAt', now(), 'requestId', r.id,
                              'staffId', 'b0000000-0000-4000-8000-0000000000b1'),
           now() + (g.n * interval '1 microsecond'), now() + interval '2 seconds', 0
    FROM generate_series(0, $rows - 1) AS g(n) JOIN r ON r.k = g.n % r.total" >/dev/null
  inserted_at=$(date +%s.%N)
  for _ in $(seq 1 240); do
    done_rows=$(bench_count inboxdb "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%ConversationRead' AND payload->>'staffId' = 'b0000000-0000-4000-8000-0000000000b1' AND occurred_at > now() - interval '10 minutes' AND sent_at IS NOT NULL")
    [ "${done_rows:-0}" -ge "$rows" ] && break
    sleep 1
  done
  local span total
  span=$(bench_count inboxdb "SELECT round(extract(epoch FROM max(sent_at) - min(sent_at))::numeric, 2) FROM outbox_messages WHERE payload->>'staffId' = 'b0000000-0000-4000-8000-0000000000b1' AND occurred_at > now() - interval '10 minutes' AND sent_at IS NOT NULL")
  total=$(awk -v a="$inserted_at" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  local rate
  rate=$(awk -v n="${done_rows:-0}" -v s="$span" 'BEGIN{ if (s+0 > 0) printf "%.0f", n/s; else print "n/a" }')
  bench_figure relay "outbox relay alone: $rows rows in inboxdb published with confirms [${done_rows:-0} sent in $span s; $total s from insert to last seen sent, 1 s polls included]" "$rate" "msg/s" ">= 2000" "$(bench_ge "$rate" 2000)" "$(bench_load)"
}

# CPU ticks of every process that takes part, one "name ticks" line each: the services, PostgreSQL (all its processes),
# RabbitMQ, the mail catcher and the anchors. Two snapshots around a window give what each cost per request.
bench_cpu_snapshot() {
  local pid name pg
  for pid in $(pgrep -f "^$root/src/.*/bin/Release/net10.0/CommercialManagement\."); do
    name=$(basename "$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -n 1)")
    echo "${name#CommercialManagement.} $(bench_ticks "$pid")"
  done
  echo "PostgreSQL $(bench_pg_ticks)"
  echo "RabbitMQ $(bench_ticks "$(pgrep -f "beam.smp.*$(realpath -m "$data")/rabbitmq" | head -n 1)")"
  echo "smtp4dev $(bench_ticks $(pgrep -f "smtp4dev" | tr '\n' ' '))"
  local i modes=(bare rawwrite proxy)
  for i in "${!anchor_pids[@]}"; do echo "anchor-${modes[$i]} $(bench_ticks "${anchor_pids[$i]}")"; done
}

# "name ms" per request between two snapshots, the busiest first: "Inbox.Api 1.9, PostgreSQL 1.2, ..."
bench_cpu_per_request() {
  local before=$1 after=$2 requests=$3 tck
  tck=$(getconf CLK_TCK)
  join <(sort "$before") <(sort "$after") | awk -v n="$requests" -v t="$tck" '
    n > 0 && $3 > $2 { printf "%s %.2f\n", $1, 1000*($3-$2)/t/n }' | sort -k2 -rn | awk '{printf "%s%s %s", sep, $1, $2; sep=", "}'
}

# When each process of the system started, in seconds after ./run.sh was launched: what a start's time is made of
# (PostgreSQL and RabbitMQ first, then the services as their WaitFor allow).
bench_start_offsets() {
  local btime tck pid name start out=()
  btime=$(awk '/^btime/{print $2}' /proc/stat); tck=$(getconf CLK_TCK)
  offset() { awk -v b="$btime" -v t="$tck" -v s="$(sed 's/.*) //' "/proc/$1/stat" | awk '{print $20}')" -v a="$system_started" 'BEGIN{printf "%.1f", b + s/t - a}'; }
  pid=$(pgrep -f "postgres -D .*/postgres" | head -n 1); [ -n "$pid" ] && out+=("PostgreSQL $(offset "$pid")")
  pid=$(pgrep -f "beam.smp.*rabbitmq" | head -n 1); [ -n "$pid" ] && out+=("RabbitMQ $(offset "$pid")")
  pid=$(pgrep -f "smtp4dev" | head -n 1); [ -n "$pid" ] && out+=("smtp4dev $(offset "$pid")")
  for pid in $(pgrep -f "^$root/src/.*/bin/Release/net10.0/CommercialManagement\."); do
    name=$(basename "$(tr '\0' '\n' <"/proc/$pid/cmdline" | head -n 1)")
    out+=("${name#CommercialManagement.} $(offset "$pid")")
  done
  printf '%s\n' "${out[@]}" | sort -k2 -n | awk '{printf "%s%s +%s s", sep, $1, $2; sep=", "}'
}

# P3 without any poll: for every request of the run tagged $1, the time from its reception (requests.ReceivedAt in
# inboxdb) to the moment Dossier's consumer took its RequestReceived (inbox_messages.processed_at in dossierdb, written
# in the transaction that opens the case, which GET /api/dossiers/{id} reads). Prints "count missing p50 p99" in ms.
bench_p3_from_databases() {
  local tag=$1 received processed
  received=$(mktemp); processed=$(mktemp)
  bench_count inboxdb "SELECT o.id, extract(epoch FROM r.\"ReceivedAt\") FROM requests r
    JOIN outbox_messages o ON o.message_type LIKE '%.RequestReceived' AND o.payload->>'requestId' = r.\"Id\"::text
    WHERE r.\"CustomerName\" LIKE 'Bench $tag %'" | tr '|' ' ' | sort >"$received"
  bench_count dossierdb "SELECT message_id, extract(epoch FROM processed_at) FROM inbox_messages
    WHERE consumer LIKE '%request-received%' AND processed_at > now() - interval '30 minutes'" | tr '|' ' ' | sort >"$processed"
  local total missing
  total=$(wc -l <"$received")
  missing=$(join -v1 "$received" "$processed" | wc -l)
  join "$received" "$processed" | awk '{printf "%.1f\n", 1000*($3-$2)}' | sort -n | awk -v total="$total" -v missing="$missing" '
    { v[NR]=$1 } END { n=total; if (n==0) { print total, missing, "n/a", "n/a"; exit }
      # a request whose case never opened counts as slower than any seen
      i50=int((n-1)*0.50)+1; i99=int((n-1)*0.99)+1
      print total, missing, (i50 <= NR ? v[i50] : "never"), (i99 <= NR ? v[i99] : "never") }'
  rm -f "$received" "$processed"
}

# pg_stat_statements (loaded by deploy/local/postgres.sh): reset before a window, then the statements that took the most
# time in it, over every database: "db: calls × mean ms = total s | query" (the query cut to 160 characters).
bench_statements_reset() {
  bench_count postgres "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  bench_count postgres "SELECT pg_stat_statements_reset()" >/dev/null
}

bench_statements_top() {
  local limit=$1 out=$2
  bench_count postgres "SELECT d.datname || ': ' || s.calls || ' x ' || round(s.mean_exec_time::numeric, 3) || ' ms = '
      || round((s.total_exec_time / 1000)::numeric, 1) || ' s | ' || left(regexp_replace(s.query, '\s+', ' ', 'g'), 160)
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
    ORDER BY s.total_exec_time DESC LIMIT $limit" >"$out"
}

# Statements per accepted request in each database since the last reset: "inboxdb 21.3, notificationdb 26.1, ...".
bench_statements_per_request() {
  local requests=$1
  bench_count postgres "SELECT d.datname, sum(s.calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
    WHERE d.datname NOT IN ('postgres', 'benchdb') GROUP BY 1 ORDER BY 2 DESC" |
    awk -F'|' -v n="$requests" 'n > 0 { t += $2; printf "%s%s %.1f", sep, $1, $2/n; sep=", " } END { if (n > 0) printf "; all %.1f", t/n }'
}

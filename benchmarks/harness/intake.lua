-- wrk script of ./bench.sh: POST /public/requests with a unique body every time (name, email and message carry the
-- run's tag, the thread and a counter), so the intake's duplicate window never merges two; done() prints one JSON line.
local threads = {}
local counter = 0
local tag = os.getenv("BENCH_TAG") or tostring(os.time())

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local id = string.format("%s-%d-%d", tag, tid, counter)
  local body = string.format('{"siteKey":"valneve-office-demo","name":"Bench %s","email":"%s@example.test",'
    .. '"phone":"+33 6 12 34 56 78","arrival":"2027-02-13","departure":"2027-02-20","adults":2,"childrenAges":[8,5],'
    .. '"message":"Bench %s: un chalet pour la semaine ?","consent":true}', id, id, id)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format('{"requests":%d,"seconds":%.1f,"rps":%.1f,"p50Ms":%.2f,"p90Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,'
    .. '"errors":%d,"errorsConnect":%d,"errorsRead":%d,"errorsWrite":%d,"errorsStatus":%d,"errorsTimeout":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, e.connect, e.read, e.write, e.status, e.timeout))
end

-- POSTs the JSON file named by BODY_FILE (with Accept-Encoding: ACCEPT_ENCODING when set); prints
-- one summary line for the bench scripts to read:
-- RESULT <requests/s> <p50 ms> <p90 ms> <p99 ms> <non-2xx responses> <socket errors> <requests> <bytes read>
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
if os.getenv("ACCEPT_ENCODING") then wrk.headers["Accept-Encoding"] = os.getenv("ACCEPT_ENCODING") end
file:close()

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, summary.requests, summary.bytes))
end

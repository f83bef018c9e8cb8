-- POSTs the JSON file named by BODY_FILE; prints one summary line for http-bench.sh to read:
-- RESULT <requests/s> <p50 ms> <p90 ms> <p99 ms> <non-2xx responses> <socket errors>
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end

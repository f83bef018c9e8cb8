-- POSTs the JSON file named by BODY_FILE (as wrk-post.lua does) and counts the responses by
-- status and X-Model-Version; prints "RESULT <requests> <socket errors>" and one
-- "SEEN <status> <version> <count>" line per pair, for reload-under-load.sh to read.
dofile("bench/wrk-post.lua")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  seen = {}
end

function response(status, headers, body)
  local key = status .. " " .. (headers["X-Model-Version"] or "-")
  seen[key] = (seen[key] or 0) + 1
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %d %d %.2f\n", summary.requests,
    errors.connect + errors.read + errors.write + errors.timeout, latency:percentile(99) / 1000))
  local total = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("seen")) do
      total[key] = (total[key] or 0) + count
    end
  end
  for key, count in pairs(total) do
    io.write(string.format("SEEN %s %d\n", key, count))
  end
end

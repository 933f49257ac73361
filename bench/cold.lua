-- Presents each key of keys.txt exactly once, in order, so every request is a cold verification
-- (database read + argon2id). Run with one connection and stop before the keys run out.
local keys = {}
local next_key = 1

function init(args)
  for line in io.lines(args[1]) do
    keys[#keys + 1] = line
  end
end

function request()
  local key = keys[next_key]
  if key == nil then
    -- Out of fresh keys: anything sent now would be a cache hit, which is not what this measures.
    wrk.thread:stop()
    key = keys[#keys]
  end
  next_key = next_key + 1
  return wrk.format("GET", "/api/v1/whoami", { ["X-API-Key"] = key })
end

function done(summary, latency, requests)
  io.write(string.format("cold requests: %d\n", summary.requests))
end

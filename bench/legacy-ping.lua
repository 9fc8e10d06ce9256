-- wrk script: POSTs tools/call ping in one legacy (2025-11-25) session, named by the URL's `session` query parameter
-- (wrk gives scripts no other per-target input), and counts answers that are not a pong.
local body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}'
local headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json, text/event-stream",
  ["MCP-Protocol-Version"] = "2025-11-25",
}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrong = 0
  headers["Mcp-Session-Id"] = string.match(wrk.path, "session=([%w%-_]+)")
  prepared = wrk.format("POST", wrk.path, headers, body)
end

function request()
  return prepared
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, "pong! instance=", 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("wrong")
  end
  io.write(string.format("wrong answers: %d\n", total))
end

-- wrk script: POSTs a stateless tools/call ping and counts answers that are not a pong.
-- PING_REVISION picks the protocol revision (default 2025-06-18):
--   2026-07-28  the revision rides in the request's _meta with the client's capabilities, and the Mcp-Method and
--               Mcp-Name headers name the call, as a 2026-07-28 client sends it;
--   otherwise   a stateless POST of that revision (MCP-Protocol-Version header, no initialize, no session).
local revision = os.getenv("PING_REVISION")
if revision == nil or revision == "" then
  revision = "2025-06-18"
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = revision
if revision >= "2026-07-28" then
  wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{},"_meta":{'
    .. '"io.modelcontextprotocol/protocolVersion":"' .. revision .. '","io.modelcontextprotocol/clientCapabilities":{}}}}'
  wrk.headers["Mcp-Method"] = "tools/call"
  wrk.headers["Mcp-Name"] = "ping"
else
  wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"ping","arguments":{}}}'
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrong = 0
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

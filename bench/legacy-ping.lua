-- wrk script: bench/ping.lua's call and answer check, in one legacy (2025-11-25) session named by the URL's
-- `session` query parameter (wrk gives scripts no other per-target input).
dofile(string.match(debug.getinfo(1, "S").source, "^@(.*/)") .. "ping.lua")
wrk.headers["MCP-Protocol-Version"] = "2025-11-25"

local count_from_zero = init

-- wrk builds its one request after init, so the session header is in every call.
function init(args)
  count_from_zero(args)
  wrk.headers["Mcp-Session-Id"] = string.match(wrk.path, "session=([%w%-_]+)")
end

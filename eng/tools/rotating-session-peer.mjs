// A legacy MCP session (TypeScript SDK v1, protocol 2025-11-25) whose requests rotate over several server replicas
// with no gateway and no affinity: each HTTP request goes to the next replica in turn, and a replica that refuses
// the connection is skipped, as a load balancer would. Optionally SIGKILLs one replica's process mid-run.
// Usage: node rotating-session-peer.mjs <count> <kill-after|0> <kill-pid|0> <url> [url...]
// Prints one `RESULT {json}` line: the session id, how many initialize requests were sent, each call's pong (or
// error), and which call was in flight when the kill happened.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [countArgument, killAfterArgument, killPidArgument, ...urls] = process.argv.slice(2);
const count = Number.parseInt(countArgument, 10);
const killAfter = Number.parseInt(killAfterArgument, 10);
const killPid = Number.parseInt(killPidArgument, 10);
if (!(count > 0) || urls.length === 0) {
  console.error("usage: node rotating-session-peer.mjs <count> <kill-after|0> <kill-pid|0> <url> [url...]");
  process.exit(2);
}

let next = 0;
let initializeRequests = 0;
const rotatingFetch = async (input, init) => {
  if (typeof init?.body === "string" && init.body.includes('"method":"initialize"')) {
    initializeRequests++;
  }
  let lastError;
  for (let attempt = 0; attempt < urls.length; attempt++) {
    const url = urls[next++ % urls.length];
    try {
      return await fetch(url, init);
    } catch (error) {
      lastError = error; // connection refused: that replica is gone, try the next one
    }
  }
  throw lastError;
};

const client = new Client({ name: "mcpdemo-rotating-peer", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(urls[0]), { fetch: rotatingFetch });
const calls = [];
let killedBeforeCall = null;
try {
  await client.connect(transport);
  for (let i = 1; i <= count; i++) {
    if (killAfter > 0 && i === killAfter + 1 && killPid > 0) {
      process.kill(killPid, "SIGKILL");
      killedBeforeCall = i;
    }
    try {
      const result = await client.callTool({ name: "ping", arguments: {} });
      const text = result.content?.find((block) => block.type === "text")?.text;
      calls.push(result.isError ? { error: text ?? "isError" } : { pong: text });
    } catch (error) {
      calls.push({ error: String(error?.message ?? error) });
    }
  }
  console.log(`RESULT ${JSON.stringify({ sessionId: transport.sessionId ?? null, protocolVersion: transport.protocolVersion ?? null, initializeRequests, killedBeforeCall, calls })}`);
  await client.close();
} catch (error) {
  console.error(`rotating-session-peer failed: ${error?.stack ?? error}`);
  process.exit(1);
}

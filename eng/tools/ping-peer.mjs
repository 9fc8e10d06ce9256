// A real TypeScript SDK client against an MCP server over Streamable HTTP: connect, list tools,
// call `ping` N times, and (when the server gave us a session) end the session with DELETE.
// Usage: node ping-peer.mjs <server url> [count=20]
// Prints what it saw line by line, then one `RESULT {json}` line for tests to assert on.
// Exits non-zero on any error.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, countArgument = "20"] = process.argv.slice(2);
const count = Number.parseInt(countArgument, 10);
if (!url || !(count > 0)) {
  console.error("usage: node ping-peer.mjs <server url> [count=20]");
  process.exit(2);
}

const client = new Client({ name: "mcpdemo-ping-peer", version: "1.0.0" });
const transport = new StreamableHTTPClientTransport(new URL(url));

try {
  await client.connect(transport);
  const sessionId = transport.sessionId ?? null;
  console.log(`connected to ${client.getServerVersion()?.name}, session ${sessionId ?? "(none: stateless)"}`);

  const { tools } = await client.listTools();
  const toolNames = tools.map((tool) => tool.name);
  console.log(`tools: ${toolNames.join(", ")}`);

  const pongs = [];
  for (let i = 1; i <= count; i++) {
    const result = await client.callTool({ name: "ping", arguments: {} });
    const text = result.content?.find((block) => block.type === "text")?.text;
    if (result.isError || typeof text !== "string") {
      throw new Error(`ping ${i} failed: ${JSON.stringify(result)}`);
    }
    console.log(`ping ${i}: ${text}`);
    pongs.push(text);
  }

  if (sessionId) {
    await transport.terminateSession();
    console.log("session terminated");
  }
  await client.close();
  console.log(`RESULT ${JSON.stringify({ sessionId, tools: toolNames, pongs })}`);
} catch (error) {
  console.error(`ping-peer failed: ${error?.stack ?? error}`);
  process.exit(1);
}

// A real TypeScript SDK client runs McpDemo's product tools against a server over Streamable HTTP:
// list tools, call `ping` 20 times, `countdown` with progress, and `confirm_action` answering its
// elicitation with "yes" (a classic server-to-client request in a legacy session, MRTR under 2026-07-28).
// Usage: node client-peer.mjs <v1|v2> <server url>
//   v1: @modelcontextprotocol/sdk 1.x, the 2025 era (initialize, sessions);
//   v2: @modelcontextprotocol/client 2.x with versionNegotiation 'auto' (2026-07-28 when the server offers it).
// Prints what it saw line by line, then one `RESULT {json}` line for tests to assert on. Exits non-zero on any error.
const [sdk, url] = process.argv.slice(2);
if (!["v1", "v2"].includes(sdk) || !url) {
  console.error("usage: node client-peer.mjs <v1|v2> <server url>");
  process.exit(2);
}

const info = { name: `mcpdemo-client-peer-${sdk}`, version: "1.0.0" };
const options = { capabilities: { elicitation: {} } };
let client, transport, onElicit;
if (sdk === "v1") {
  const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
  const { StreamableHTTPClientTransport } = await import("@modelcontextprotocol/sdk/client/streamableHttp.js");
  const { ElicitRequestSchema } = await import("@modelcontextprotocol/sdk/types.js");
  client = new Client(info, options);
  transport = new StreamableHTTPClientTransport(new URL(url));
  onElicit = (handler) => client.setRequestHandler(ElicitRequestSchema, handler);
} else {
  const { Client, StreamableHTTPClientTransport } = await import("@modelcontextprotocol/client");
  client = new Client(info, { ...options, versionNegotiation: { mode: "auto" } });
  transport = new StreamableHTTPClientTransport(new URL(url));
  onElicit = (handler) => client.setRequestHandler("elicitation/create", handler);
}

const text = (result) => result.content?.find((block) => block.type === "text")?.text;
const questions = [];
onElicit(async (request) => {
  questions.push(request.params.message);
  console.log(`elicitation: ${request.params.message}`);
  return { action: "accept", content: { confirm: true } };
});

try {
  await client.connect(transport);
  const sessionId = transport.sessionId ?? null;
  const protocolVersion = client.getNegotiatedProtocolVersion?.() ?? transport.protocolVersion ?? null;
  console.log(`connected: protocol ${protocolVersion}, session ${sessionId ?? "(none)"}`);

  const { tools } = await client.listTools();
  const toolNames = tools.map((tool) => tool.name);
  console.log(`tools: ${toolNames.join(", ")}`);

  const pongs = [];
  for (let i = 1; i <= 20; i++) {
    const result = await client.callTool({ name: "ping", arguments: {} });
    if (result.isError || typeof text(result) !== "string") throw new Error(`ping ${i} failed: ${JSON.stringify(result)}`);
    pongs.push(text(result));
  }
  console.log(`pings: ${pongs.length}, last: ${pongs.at(-1)}`);

  const progress = [];
  const onprogress = (p) => { progress.push(p.progress); console.log(`progress: ${p.progress}/${p.total}`); };
  const countdownParams = { name: "countdown", arguments: { steps: 3, intervalMs: 10 } };
  const countdown = sdk === "v1"
    ? await client.callTool(countdownParams, undefined, { onprogress })
    : await client.callTool(countdownParams, { onprogress });
  if (countdown.isError) throw new Error(`countdown failed: ${JSON.stringify(countdown)}`);
  console.log(`countdown: ${text(countdown)}`);

  const confirm = await client.callTool({ name: "confirm_action", arguments: { action: "restart the demo" } });
  // Not fatal: a 2025 client without a session cannot be asked anything, and the server says so in a tool error.
  console.log(`confirm_action: ${text(confirm)}`);

  if (sessionId) {
    await transport.terminateSession();
  }
  await client.close();
  console.log(`RESULT ${JSON.stringify({
    protocolVersion, sessionId, tools: toolNames, pongs, progress, countdown: text(countdown), questions, confirm: text(confirm), confirmIsError: confirm.isError === true,
  })}`);
} catch (error) {
  console.error(`client-peer failed: ${error?.stack ?? error}`);
  process.exit(1);
}

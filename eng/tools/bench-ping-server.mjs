// The cold-start benchmark's Node.js peer (eng/bench-coldstart.sh): an MCP server as the seed's users would write it
// with the TypeScript SDK 1.x: Express from the SDK's createMcpExpressApp, stateless Streamable HTTP (a fresh server
// and transport per request, no session ids), and McpDemo.Server's ping tool. The SDK 1.x speaks up to 2025-11-25.
// Usage: node bench-ping-server.mjs <port>   (env: INSTANCE, the instance id in answers; default "bench")
import { createMcpExpressApp } from "@modelcontextprotocol/sdk/server/express.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

const port = Number.parseInt(process.argv[2] ?? "", 10);
if (!(port > 0)) {
  console.error("usage: node bench-ping-server.mjs <port>");
  process.exit(2);
}
const instance = process.env.INSTANCE || "bench";
const version = "1.0.0";

function createServer() {
  const server = new McpServer({ name: "mcpdemo-bench-node-peer", version });
  server.registerTool(
    "ping",
    {
      title: "Ping",
      description: "Answers 'pong!' with the server instance and version that served the call, after an optional delay.",
      inputSchema: { delayMs: z.number().int().min(0).max(10_000).optional().describe("Milliseconds to wait before answering, 0 to 10000. Default 0.") },
      outputSchema: { instance: z.string(), version: z.string(), delayMs: z.number().int() },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    async ({ delayMs = 0 }) => {
      if (delayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
      const structuredContent = { instance, version, delayMs };
      return { content: [{ type: "text", text: `pong! instance=${instance} v=${version} d=${delayMs}` }], structuredContent };
    },
  );
  return server;
}

const app = createMcpExpressApp();
app.post("/mcp", async (request, response) => {
  const server = createServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  response.on("close", () => {
    transport.close();
    server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(request, response, request.body);
});
app.get("/health", (_request, response) => response.send("Healthy"));
app.listen(port, "127.0.0.1");

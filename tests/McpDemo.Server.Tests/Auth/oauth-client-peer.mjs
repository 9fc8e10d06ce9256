// The TypeScript SDK v2 client (@modelcontextprotocol/client) gets its own token with client credentials
// (ClientCredentialsProvider: it reads the challenge and the metadata, finds the issuer, and asks for a token for the
// server's resource), then lists tools and calls ping at 2026-07-28.
// Usage (from eng/tools, whose node_modules hold the SDK): node oauth-client-peer.mjs <server url> <issuer url> <client id> <secret>
// Prints one `RESULT {json}` line for the test to assert on. Exits non-zero on any error.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [url, issuer, clientId, clientSecret] = process.argv.slice(2);
if (!url || !issuer || !clientId || !clientSecret) {
  console.error("usage: node oauth-client-peer.mjs <server url> <issuer url> <client id> <secret>");
  process.exit(2);
}

// This script lives beside its test, outside eng/tools: resolve the SDK from there.
const sdk = createRequire(join(process.cwd(), "package.json")).resolve("@modelcontextprotocol/client");
const { Client, StreamableHTTPClientTransport, ClientCredentialsProvider } = await import(pathToFileURL(sdk).href);

const authProvider = new ClientCredentialsProvider({ clientId, clientSecret, expectedIssuer: issuer });
const client = new Client({ name: "mcpdemo-oauth-peer", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
const transport = new StreamableHTTPClientTransport(new URL(url), { authProvider });
try {
  await client.connect(transport);
  const tools = (await client.listTools()).tools.map((tool) => tool.name);
  const pong = (await client.callTool({ name: "ping", arguments: {} })).content?.find((block) => block.type === "text")?.text;
  const token = authProvider.tokens()?.access_token ?? "";
  console.log("RESULT " + JSON.stringify({
    protocolVersion: client.getNegotiatedProtocolVersion?.() ?? null,
    tools,
    pong,
    tokenParts: token.split(".").length,
  }));
  await client.close();
} catch (error) {
  console.error(error);
  process.exit(1);
}

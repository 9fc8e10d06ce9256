// appsettings.json is read from beside the binary, so the same settings apply whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddServiceDefaults();
builder.AddSharedState();                                   // ConnectionStrings:store, when set
builder.Services.AddMcpServer()
    .WithMcpDemoHttpTransport(builder.Configuration)        // Mcp:* options, API keys or OAuth, invalid params
    .WithProductTools();

var app = builder.Build();

// Every middleware, in the order a request meets it (routing, implicit, comes first and applies the size limit).
app.UseMcpRefusals("/mcp");                                 // JSON-RPC error bodies for exceptions and bodiless 4xx
app.UseHostOriginValidation("/mcp");                        // 403 for another site's Host or Origin (DNS rebinding)
app.UseAuthentication();                                    // API keys (Mcp:ApiKeys) or OAuth tokens (Mcp:Auth), and its RFC 9728 metadata
app.UseAuthorization();                                     // 401 without one, 403 insufficient_scope, where RequireMcpAuthorization asks
app.UseSharedState();                                       // the store, only for requests that passed the above
app.MapMcp("/mcp")
    .RequireMcpAuthorization()                              // the configured credential: OAuth token or API key
    .WithMcpRequestSizeLimit();                             // 413 past Mcp:MaxRequestBodySize
app.MapDefaultEndpoints();                                  // /health, /alive

app.Run();

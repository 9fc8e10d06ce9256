using McpDemo.Store;

// The store of McpDemo's shared state: Garnet, a Redis-protocol server, embedded in an ordinary .NET host so the
// AppHost runs it as a project resource (`store`) with nothing installed by hand. HTTP serves /health and /alive only.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddServiceDefaults();
builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<GarnetHost>();
builder.Services.AddHealthChecks().AddCheck<GarnetHealthCheck>("garnet");

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

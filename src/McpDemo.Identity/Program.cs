using McpDemo.Identity;

// appsettings.json is read from beside the binary, so the same settings apply whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults();

var options = builder.Configuration.GetSection(IssuerOptions.SectionName).Get<IssuerOptions>() ?? new IssuerOptions();
var binding = IssuerBinding.FromConfiguration(builder.Configuration, options);
if (IssuerStartupCheck.FindProblem(options, binding) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}
builder.AddIssuer(options, binding);

var app = builder.Build();
app.MapIssuerEndpoints();
app.MapDefaultEndpoints();
await app.SeedConfiguredClientsAsync();
await app.RunAsync();
return 0;

using Microsoft.EntityFrameworkCore;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers.Discovery;

namespace McpDemo.Identity;

/// <summary>Adds and maps the McpDemo issuer: OpenIddict with the MCP scopes, resources, persistent keys and registration.</summary>
internal static class IssuerRegistration
{
    private const string SigningKeyFile = "signing-key.pem";
    private const string EncryptionKeyFile = "encryption-key.pem";

    /// <summary>
    /// Adds the issuer. <paramref name="options"/> and <paramref name="binding"/> must have passed the startup check.
    /// </summary>
    internal static WebApplicationBuilder AddIssuer(this WebApplicationBuilder builder, IssuerOptions options, IssuerBinding binding)
    {
        builder.Services.Configure<IssuerOptions>(builder.Configuration.GetSection(IssuerOptions.SectionName));
        builder.Services.AddSingleton(DevelopmentUser.Resolve(options.DevelopmentUser, builder.Environment.IsDevelopment(), binding));
        builder.Services.AddScoped<ConfiguredClientSeeder>();
        builder.Services.AddDbContext<IdentityStoreContext>(store =>
        {
            store.UseInMemoryDatabase(nameof(IdentityStoreContext));
            store.UseOpenIddict();
        });

        var keyDirectory = options.KeyDirectory
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".mcpdemo", "identity");

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStoreContext>())
            .AddServer(server =>
            {
                if (options.Issuer is { } issuer)
                {
                    server.SetIssuer(issuer);
                }
                server.SetAuthorizationEndpointUris(AuthorizeEndpoint.Path.TrimStart('/'))
                    .SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange();
                // OpenIddict also accepts PKCE's 'plain' method by default; OAuth 2.1 and MCP want S256 only.
                server.Configure(settings => settings.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes(McpScopes.All);
                if (options.Resources.Count > 0)
                {
                    server.RegisterResources([.. options.Resources]);
                }
                else
                {
                    // Loopback only (the startup check refuses otherwise): with no resources configured, a local issuer
                    // started by hand issues tokens for whatever absolute resource URI the client names.
                    server.DisableResourceValidation().IgnoreResourcePermissions();
                }

                // Resource servers validate tokens offline with the published keys: signed JWTs, not encrypted ones.
                // OpenIddict still needs an encryption key (for its codes), so both keys persist beside each other.
                server.AddSigningKey(PersistentRsaKey.LoadOrCreate(Path.Combine(keyDirectory, SigningKeyFile)))
                    .AddEncryptionKey(PersistentRsaKey.LoadOrCreate(Path.Combine(keyDirectory, EncryptionKeyFile)))
                    .DisableAccessTokenEncryption();

                server.AddEventHandler<HandleConfigurationRequestContext>(handler => handler
                    .UseInlineHandler(AdvertiseRegistrationEndpoint)
                    .SetOrder(AttachIssuer.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableErrorPassthrough();
                if (binding.ServesPlainHttp)
                {
                    // Only reached on loopback (the startup check refuses plain HTTP anywhere else): OpenIddict
                    // otherwise answers every plain-HTTP request with an error.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }

    /// <summary>Maps the passthrough endpoints and the registration endpoint.</summary>
    internal static WebApplication MapIssuerEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.MapMethods(AuthorizeEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle);
        // As a Delegate, so the returned IResult is written (a (HttpContext) => Task method group would bind as a RequestDelegate).
        app.MapPost(TokenEndpoint.Path, (Delegate)TokenEndpoint.HandleAsync);
        app.MapPost(RegistrationEndpoint.Path, RegistrationEndpoint.HandleAsync);
        return app;
    }

    /// <summary>Creates or updates the configured clients; call once before the app runs.</summary>
    internal static async Task SeedConfiguredClientsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ConfiguredClientSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    }

    // Relative to the issuer, so a path base or a configured issuer URL carries over.
    private static ValueTask AdvertiseRegistrationEndpoint(HandleConfigurationRequestContext context)
    {
        if (context.Issuer is { } issuer)
        {
            context.Metadata["registration_endpoint"] = new Uri(issuer, RegistrationEndpoint.Path.TrimStart('/')).AbsoluteUri;
        }
        return default;
    }
}

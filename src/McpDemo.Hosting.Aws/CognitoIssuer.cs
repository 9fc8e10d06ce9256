using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Constructs;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The issuer of a deployment, in place of the local one: a Cognito user pool with a resource server whose scopes are the
/// MCP ones, a domain for its token endpoint, and an app client that gets tokens with client credentials. Cognito names a
/// resource server's scopes <c>&lt;identifier&gt;/&lt;scope&gt;</c> (<c>mcpdemo/mcp:tools</c>), and its access tokens
/// carry <c>client_id</c> but no <c>aud</c>, so the servers are told the scope names and the client they accept.
/// </summary>
internal sealed class CognitoIssuer : Construct
{
    /// <summary>The resource server's identifier, the prefix of every scope Cognito grants for it.</summary>
    public const string ResourceServerIdentifier = "mcpdemo";

    /// <summary>The scope every MCP request needs, as the local issuer names it.</summary>
    public const string ToolsScope = "mcp:tools";

    /// <summary>The scope tools that act need on top (by default <c>confirm_action</c>), as the local issuer names it.</summary>
    public const string ConfirmScope = "mcp:confirm";

    /// <summary>How long an access token lives: one hour, Cognito's default, which clients renew by asking again.</summary>
    public static readonly Duration AccessTokenValidity = Duration.Hours(1);

    public CognitoIssuer(Construct scope, string id)
        : base(scope, id)
    {
        // Machines only: nobody signs up and no user signs in; the pool exists for its token endpoint and keys.
        var pool = new UserPool(this, "Pool", new UserPoolProps
        {
            SelfSignUpEnabled = false,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var tools = new ResourceServerScope(new ResourceServerScopeProps { ScopeName = ToolsScope, ScopeDescription = "Every MCP request" });
        var confirm = new ResourceServerScope(new ResourceServerScopeProps { ScopeName = ConfirmScope, ScopeDescription = "Tools that act, such as confirm_action" });
        var resourceServer = pool.AddResourceServer("ResourceServer", new UserPoolResourceServerOptions
        {
            Identifier = ResourceServerIdentifier,
            UserPoolResourceServerName = "McpDemo MCP server",
            Scopes = [tools, confirm],
        });
        var stack = Stack.Of(this);
        // The token endpoint lives on the pool's domain; a prefix unique per stack and account, as Cognito requires.
        var domain = pool.AddDomain("Domain", new UserPoolDomainOptions
        {
            CognitoDomain = new CognitoDomainOptions { DomainPrefix = Fn.Join("-", [stack.StackName.ToLowerInvariant(), stack.Account]) },
        });
        var client = pool.AddClient("MachineClient", new UserPoolClientOptions
        {
            GenerateSecret = true,
            AuthFlows = new AuthFlow(),
            OAuth = new OAuthSettings
            {
                Flows = new OAuthFlows { ClientCredentials = true },
                // By the names tokens carry (not a reference to the resource server), so the template says what the
                // servers are told; the dependency keeps CloudFormation from creating the client before its scopes exist.
                Scopes = [OAuthScope.Custom(CognitoScope(ToolsScope)), OAuthScope.Custom(CognitoScope(ConfirmScope))],
            },
            AccessTokenValidity = AccessTokenValidity,
            PreventUserExistenceErrors = true,
        });
        client.Node.AddDependency(resourceServer);
        IssuerUrl = pool.UserPoolProviderUrl;
        ClientId = client.UserPoolClientId;

        _ = new CfnOutput(this, "IssuerUrl", new CfnOutputProps { Description = "The OAuth issuer the MCP servers trust.", Value = IssuerUrl });
        _ = new CfnOutput(this, "TokenEndpoint", new CfnOutputProps
        {
            Description = "Where the machine client gets tokens (client credentials).",
            Value = Fn.Join(string.Empty, [domain.BaseUrl(), "/oauth2/token"]),
        });
        _ = new CfnOutput(this, "ClientId", new CfnOutputProps
        {
            Description = "The machine client; read its secret with: aws cognito-idp describe-user-pool-client --user-pool-id <UserPoolId> --client-id <ClientId> --query UserPoolClient.ClientSecret",
            Value = ClientId,
        });
        _ = new CfnOutput(this, "UserPoolId", new CfnOutputProps { Description = "The user pool.", Value = pool.UserPoolId });
    }

    /// <summary>The issuer URL, <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>, resolved at deploy time.</summary>
    public string IssuerUrl { get; }

    /// <summary>The machine client's id: the <c>client_id</c> of its tokens, which the servers accept in place of <c>aud</c>.</summary>
    public string ClientId { get; }

    /// <summary>The name Cognito gives <paramref name="scope"/> of the resource server, in tokens and requests.</summary>
    public static string CognitoScope(string scope) => $"{ResourceServerIdentifier}/{scope}";

    /// <summary>
    /// What a server (a container or a function) is told to validate this issuer's tokens: the issuer, the client whose
    /// tokens it accepts (Cognito's access tokens carry no <c>aud</c>), the Cognito names of the MCP scopes, and
    /// <paramref name="resource"/>, the public MCP URL, when it is known before the server is (a Function URL is not).
    /// </summary>
    public Dictionary<string, string> ServerEnvironment(string? resource)
    {
        const string Section = TokenValidationExtensions.ServerSection;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Section + "Authority"] = IssuerUrl,
            [Section + "AllowedClients__0"] = ClientId,
            [Section + "RequiredScope"] = CognitoScope(ToolsScope),
            [Section + "ToolScopes__confirm_action"] = CognitoScope(ConfirmScope),
        };
        if (resource is not null)
        {
            environment[Section + "Resource"] = resource;
        }
        return environment;
    }
}

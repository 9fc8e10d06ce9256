using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Constructs;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// A Redis-protocol store of the model on AWS: an ElastiCache Serverless (Valkey) cache in the given subnets,
/// behind a security group of its own that admits nobody until <see cref="AllowFrom"/> names a client. Its
/// construct id is the store's resource name, which is also the name of the connection string the servers read.
/// </summary>
internal sealed class ServerlessStore : Construct
{
    /// <summary>The engine: Valkey, the open-source Redis fork that ElastiCache Serverless serves at the lowest price.</summary>
    public const string Engine = "valkey";

    /// <summary>Pinned so a deployment does not jump major versions; minor versions ElastiCache applies itself.</summary>
    public const string MajorEngineVersion = "8";

    /// <summary>
    /// The port of a serverless cache's endpoint (its reader endpoint, 6380, is not used: the servers read their own writes).
    /// </summary>
    public const int Port = 6379;

    /// <summary>
    /// What the servers' StackExchange.Redis client is told besides host and port: ElastiCache Serverless only
    /// accepts TLS, and a replica must start while the cache is still unreachable (it reconnects in the background).
    /// </summary>
    public const string ClientOptions = ",ssl=true,abortConnect=false";

    public ServerlessStore(Construct scope, string name, IVpc vpc, SubnetSelection subnets)
        : base(scope, name)
    {
        Name = name;
        // No outbound rules: the cache answers its clients and never opens a connection of its own.
        var securityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            AllowAllOutbound = false,
            Description = $"McpDemo store '{name}' (ElastiCache Serverless): port {Port} from the MCP servers only.",
        });
        Connections = new Connections_(new ConnectionsProps { SecurityGroups = [securityGroup], DefaultPort = Amazon.CDK.AWS.EC2.Port.Tcp(Port) });
        var stack = Stack.Of(this);
        Cache = new CfnServerlessCache(this, "Cache", new CfnServerlessCacheProps
        {
            // Unique per account and region, as the stack name is; the service wants it lower case.
            ServerlessCacheName = $"{stack.StackName}-{name}".ToLowerInvariant(),
            Description = $"McpDemo shared state ('{name}'): legacy sessions, event streams, the Data Protection key ring, notification fan-out.",
            Engine = Engine,
            MajorEngineVersion = MajorEngineVersion,
            SubnetIds = vpc.SelectSubnets(subnets).SubnetIds,
            SecurityGroupIds = [securityGroup.SecurityGroupId],
        });
        ConnectionString = Fn.Join(string.Empty, [Cache.AttrEndpointAddress, ":", Cache.AttrEndpointPort, ClientOptions]);
    }

    /// <summary>The store's resource name in the model.</summary>
    public string Name { get; }

    /// <summary>The cache.</summary>
    public CfnServerlessCache Cache { get; }

    /// <summary>The cache's security group and port.</summary>
    public Connections_ Connections { get; }

    /// <summary>The servers' StackExchange.Redis connection string: the cache's endpoint, resolved at deploy time, over TLS.</summary>
    public string ConnectionString { get; }

    /// <summary>The environment variable a server reads the connection string from (<c>ConnectionStrings:&lt;name&gt;</c>).</summary>
    public string EnvironmentVariable => $"ConnectionStrings__{Name}";

    /// <summary>Admits <paramref name="client"/>'s security groups to the cache's port, and nothing else.</summary>
    public void AllowFrom(IConnectable client) => Connections.AllowDefaultPortFrom(client, $"The MCP servers reach the '{Name}' store");
}

namespace McpDemo.Gateway.Affinity;

/// <summary>
/// Cookie stickiness in the manner of an AWS ALB's duration-based stickiness: the first response sets a
/// cookie naming the replica, and later requests carrying it go to that replica while it is healthy.
/// </summary>
public sealed class CookieAffinityOptions
{
    /// <summary>Whether cookie stickiness is on. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The cookie name. Default <c>AWSALB</c>, the name of an ALB's stickiness cookie, so clients and tools
    /// see locally what they see behind an ALB. The value is opaque (encrypted), as an ALB's is.
    /// </summary>
    public string Name { get; set; } = "AWSALB";

    /// <summary>How long the cookie lives. Default one day, an ALB's default stickiness duration.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromDays(1);
}

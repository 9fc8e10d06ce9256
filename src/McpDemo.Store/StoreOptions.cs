using System.ComponentModel.DataAnnotations;

namespace McpDemo.Store;

/// <summary>Where the store listens and how much memory it may use; the <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Store";

    /// <summary>The address to listen on. Loopback unless told otherwise: the store has no password by default.</summary>
    [Required]
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The RESP (Redis protocol) port. The AppHost sets it through <c>Store__Port</c>.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 6379;

    /// <summary>Garnet's in-memory log size (<c>--memory</c>), e.g. <c>256m</c>; records beyond it are evicted.</summary>
    [Required]
    public string MemorySize { get; set; } = "256m";

    /// <summary>Garnet's hash index size (<c>--index</c>), e.g. <c>16m</c>.</summary>
    [Required]
    public string IndexSize { get; set; } = "16m";
}

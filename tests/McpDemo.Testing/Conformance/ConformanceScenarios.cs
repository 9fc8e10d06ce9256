using Xunit;

namespace McpDemo.Testing.Conformance;

/// <summary>
/// The server scenarios of the active suite of <c>@modelcontextprotocol/conformance</c> 0.1.16, one xunit
/// test each. Listed here so tests are known before the suite runs; a test checks the suite agrees.
/// </summary>
public static class ConformanceScenarios
{
    /// <summary>Every scenario <c>conformance server</c> runs by default (the active suite, pending ones excluded).</summary>
    public static IReadOnlyList<string> Active { get; } =
    [
        "server-initialize",
        "logging-set-level",
        "ping",
        "completion-complete",
        "tools-list",
        "tools-call-simple-text",
        "tools-call-image",
        "tools-call-audio",
        "tools-call-embedded-resource",
        "tools-call-mixed-content",
        "tools-call-with-logging",
        "tools-call-error",
        "tools-call-with-progress",
        "tools-call-sampling",
        "tools-call-elicitation",
        "elicitation-sep1034-defaults",
        "server-sse-multiple-streams",
        "elicitation-sep1330-enums",
        "resources-list",
        "resources-read-text",
        "resources-read-binary",
        "resources-templates-read",
        "resources-subscribe",
        "resources-unsubscribe",
        "prompts-list",
        "prompts-get-simple",
        "prompts-get-with-args",
        "prompts-get-embedded-resource",
        "prompts-get-with-image",
        "dns-rebinding-protection",
    ];

    /// <summary><see cref="Active"/> as xunit theory data.</summary>
    public static TheoryData<string> All => [.. Active];
}

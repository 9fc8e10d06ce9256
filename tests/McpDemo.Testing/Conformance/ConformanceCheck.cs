namespace McpDemo.Testing.Conformance;

/// <summary>One check of a scenario, as the suite writes it to <c>checks.json</c>.</summary>
/// <param name="Id">The check's id, e.g. <c>tools-call-image</c>.</param>
/// <param name="Name">Its readable name.</param>
/// <param name="Description">What it checks.</param>
/// <param name="Status"><c>SUCCESS</c>, <c>FAILURE</c>, <c>WARNING</c> or <c>INFO</c>.</param>
/// <param name="ErrorMessage">Why it did not succeed, when it did not.</param>
public sealed record ConformanceCheck(string Id, string Name, string Description, string Status, string? ErrorMessage)
{
    /// <summary>
    /// Whether this check makes its scenario fail. Warnings count, as they do in the suite's own
    /// baseline check (<c>--expected-failures</c>).
    /// </summary>
    public bool IsProblem => Status is "FAILURE" or "WARNING";

    /// <inheritdoc />
    public override string ToString() => $"{Status} {Name}: {ErrorMessage ?? Description}";
}

namespace McpDemo.Identity;

/// <summary>Whether the authorize endpoint signs a development user in without a prompt, and as whom.</summary>
/// <param name="Enabled">True to sign <paramref name="Subject"/> in; false to answer <c>login_required</c>.</param>
/// <param name="Subject">The <c>sub</c> of the development user's tokens.</param>
internal sealed record DevelopmentUser(bool Enabled, string Subject)
{
    /// <summary>Resolves <see cref="DevelopmentUserOptions.Enabled"/>'s default: on for local runs, off elsewhere.</summary>
    public static DevelopmentUser Resolve(DevelopmentUserOptions options, bool isDevelopment, IssuerBinding binding) =>
        new(options.Enabled ?? (isDevelopment || binding.IsLoopbackOnly), options.Subject);
}

using Microsoft.Extensions.Options;

namespace McpDemo.Gateway;

/// <summary>Says in one line why the gateway could not start: a setting that cannot work, in its own words.</summary>
internal static class StartupFailure
{
    /// <summary>
    /// The validation failures of <paramref name="exception"/>, or its message followed by its inner exceptions'
    /// (YARP and the configuration binder wrap the setting at fault in an outer "could not load" message).
    /// </summary>
    public static string Describe(Exception exception)
    {
        if (exception is OptionsValidationException validation)
        {
            return string.Join(" ", validation.Failures);
        }
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" ", messages);
    }
}

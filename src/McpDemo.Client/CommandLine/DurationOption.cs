using System.CommandLine;
using System.Globalization;

namespace McpDemo.Client.CommandLine;

/// <summary>An option holding a duration written the way people type it: <c>10s</c>, <c>500ms</c>, <c>2m</c>, or plain seconds.</summary>
internal sealed class DurationOption : Option<TimeSpan>
{
    private static readonly (string Suffix, Func<double, TimeSpan> ToTimeSpan)[] Units =
    [
        ("ms", TimeSpan.FromMilliseconds),
        ("s", TimeSpan.FromSeconds),
        ("m", TimeSpan.FromMinutes),
        ("h", TimeSpan.FromHours),
    ];

    private readonly TimeSpan _defaultValue;

    public DurationOption(string name, string description, TimeSpan defaultValue, string defaultText)
        : base(name)
    {
        _defaultValue = defaultValue;
        // Stated here rather than through a default value, which help would print as 00:00:00.5000000.
        Description = $"{description} [default: {defaultText}]";
        HelpName = "duration";
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (TryParse(text, out var duration))
            {
                return duration;
            }
            result.AddError($"{name} '{text}' is not a positive duration; write e.g. 10s, 500ms, 2m or 00:00:10.");
            return default;
        };
    }

    /// <summary>The duration given on the command line, or the default.</summary>
    public TimeSpan ValueIn(ParseResult parseResult) => parseResult.GetResult(this) is null ? _defaultValue : parseResult.GetValue(this);

    /// <summary>Parses <c>10s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>, <c>hh:mm:ss</c> or a plain number of seconds; only positive durations.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            // The form TimeSpan itself writes, for durations copied from logs.
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }
        var (number, toTimeSpan) = Units.FirstOrDefault(unit => text.EndsWith(unit.Suffix, StringComparison.OrdinalIgnoreCase)) is { Suffix: { } suffix } match
            ? (text[..^suffix.Length], match.ToTimeSpan)
            : (text, TimeSpan.FromSeconds);
        duration = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? toTimeSpan(value)
            : TimeSpan.Zero;
        return duration > TimeSpan.Zero;
    }
}

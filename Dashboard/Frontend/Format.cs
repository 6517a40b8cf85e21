using System.Globalization;

namespace Dashboard.Frontend;

/// <summary>How times and durations read on every page (UTC, invariant culture).</summary>
public static class Format
{
    public static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 1 => (duration.TotalMicroseconds).ToString("0", CultureInfo.InvariantCulture) + " µs",
        < 1_000 => duration.TotalMilliseconds.ToString("0.##", CultureInfo.InvariantCulture) + " ms",
        < 60_000 => duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s",
        _ => duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture),
    };

    public static string Time(DateTime time) => time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => Time(time.UtcDateTime);

    public static string Number(double value) => Math.Abs(value) switch
    {
        0 => "0",
        >= 1e6 or < 1e-3 => value.ToString("0.###e+0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    public static string Since(DateTimeOffset start, DateTimeOffset now)
    {
        var elapsed = now - start;
        return elapsed.TotalSeconds < 60 ? $"{elapsed.TotalSeconds:0}s"
            : elapsed.TotalMinutes < 60 ? $"{(int)elapsed.TotalMinutes}m {elapsed.Seconds}s"
            : $"{(int)elapsed.TotalHours}h {elapsed.Minutes}m";
    }
}

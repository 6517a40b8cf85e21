namespace Dashboard.Frontend;

/// <summary>A stable colour per resource name, so a service looks the same on every page.</summary>
public static class Colors
{
    private static readonly string[] Palette =
        ["#2563eb", "#16a34a", "#c2410c", "#9333ea", "#0891b2", "#be123c", "#4d7c0f", "#a16207", "#475569", "#db2777"];

    public static string Of(string name)
    {
        var hash = 17;
        foreach (var c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        return Palette[(hash & int.MaxValue) % Palette.Length];
    }
}

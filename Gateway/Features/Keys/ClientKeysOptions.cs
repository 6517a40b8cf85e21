namespace Gateway.Features.Keys;

/// <summary>Who may call <c>/v1</c>: keys issued through the admin endpoint, plus keys declared in configuration.</summary>
internal sealed class ClientKeysOptions
{
    public const string SectionName = "ClientKeys";

    /// <summary>
    /// Keys declared in configuration, by name (the AppHost declares the Api's this way). Only their hashes are kept:
    /// the value is hashed at start and never stored, logged or returned.
    /// </summary>
    public Dictionary<string, PresetKey> Preset { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Checked by <see cref="ClientKeysOptionsValidator"/> (data annotations do not reach into dictionaries).</summary>
internal sealed class PresetKey
{
    public string Key { get; set; } = "";

    public int? RequestsPerMinute { get; set; }

    public long? TokensPerMinute { get; set; }

    public decimal? MonthlyBudgetUsd { get; set; }
}

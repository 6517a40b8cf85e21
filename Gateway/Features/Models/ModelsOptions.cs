using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Models;

/// <summary>
/// The models the Gateway serves: its allow-list, its <c>/v1/models</c> answer and its price table in one place,
/// so a model can never be allowed without a price or priced without being listed.
/// </summary>
internal sealed class ModelsOptions
{
    public const string SectionName = "Models";

    /// <summary>Lets requests name models missing from the catalog (priced at zero, capped by <see cref="DefaultMaxTokens"/>). Off in production.</summary>
    public bool AllowUnlisted { get; set; }

    /// <summary>The <c>max_tokens</c> cap for a model whose entry sets none.</summary>
    public int DefaultMaxTokens { get; set; } = 64_000;

    /// <summary>Keyed by model id as clients send it (<c>claude-sonnet-4-5</c>).</summary>
    public Dictionary<string, ModelEntry> Catalog { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The bounds of <see cref="ModelsOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateModelsOptions : IValidateOptions<ModelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelsOptions options) => SettingChecks.Result(
        (options.DefaultMaxTokens is >= 1 and <= 10_000_000, "Models:DefaultMaxTokens must be between 1 and 10000000."));
}

/// <summary>One model: how <c>/v1/models</c> shows it, its output cap and its price in USD per million tokens.</summary>
internal sealed class ModelEntry
{
    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Other ids that name the same model (the dated snapshot a response reports, for instance).</summary>
    public List<string> Aliases { get; set; } = [];

    public int? MaxTokens { get; set; }

    public decimal InputUsdPerMillion { get; set; }

    public decimal OutputUsdPerMillion { get; set; }

    /// <summary>Prompt-cache reads; Anthropic charges 0.1× the input price.</summary>
    public decimal? CacheReadUsdPerMillion { get; set; }

    /// <summary>Prompt-cache writes (5-minute TTL); Anthropic charges 1.25× the input price.</summary>
    public decimal? CacheWriteUsdPerMillion { get; set; }
}

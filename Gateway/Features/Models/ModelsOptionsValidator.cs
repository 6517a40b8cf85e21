using Microsoft.Extensions.Options;

namespace Gateway.Features.Models;

/// <summary>A catalog with a negative price or two models claiming one alias would bill wrongly: refuse to start.</summary>
internal sealed class ModelsOptionsValidator : IValidateOptions<ModelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelsOptions options)
    {
        var failures = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, entry) in options.Catalog)
        {
            var key = $"Models:Catalog:{id}";
            if (entry.InputUsdPerMillion < 0 || entry.OutputUsdPerMillion < 0 || entry.CacheReadUsdPerMillion < 0 || entry.CacheWriteUsdPerMillion < 0)
            {
                failures.Add($"{key}: prices must not be negative.");
            }

            if (entry.MaxTokens is < 1)
            {
                failures.Add($"{key}:MaxTokens must be at least 1.");
            }

            foreach (var alias in entry.Aliases.Prepend(id))
            {
                if (!seen.TryAdd(alias, id) && seen[alias] != id)
                {
                    failures.Add($"{key}: the id or alias '{alias}' is already used by Models:Catalog:{seen[alias]}.");
                }
            }
        }

        if (options.Catalog.Count == 0 && !options.AllowUnlisted)
        {
            failures.Add("Models:Catalog is empty and Models:AllowUnlisted is false, so every request would be refused.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace Gateway.Features.Keys;

/// <summary>A short preset key could be guessed; a negative limit is a typo. Both refuse the start, naming the key.</summary>
internal sealed class ClientKeysOptionsValidator : IValidateOptions<ClientKeysOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientKeysOptions options)
    {
        var failures = new List<string>();
        foreach (var (keyName, preset) in options.Preset)
        {
            var path = $"ClientKeys:Preset:{keyName}";
            if (!ClientKeyFormat.IsValidName(keyName))
            {
                failures.Add($"{path}: the name must be 1-64 letters, digits, '-', '_' or '.'.");
            }

            if (preset.Key.Trim().Length < ClientKeyFormat.MinimumLength)
            {
                failures.Add($"{path}:Key must be at least {ClientKeyFormat.MinimumLength} characters.");
            }

            failures.AddRange(KeyLimits.Problems(name => $"{path}:{name}", preset.RequestsPerMinute, preset.TokensPerMinute, preset.MonthlyBudgetUsd));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace Gateway.Infrastructure;

/// <summary>
/// The result of a section's checks, each a condition and the failure that names its configuration key. Written
/// checks rather than data annotations: validating annotations, even with the options validation source generator's
/// code, loads System.ComponentModel.Annotations and its validator for a handful of range checks, about 0.5 MB
/// resident at idle (bench/README.md).
/// </summary>
internal static class SettingChecks
{
    public static ValidateOptionsResult Result(params ReadOnlySpan<(bool Valid, string Failure)> checks)
    {
        List<string>? failures = null;
        foreach (var (valid, failure) in checks)
        {
            if (!valid)
            {
                (failures ??= []).Add(failure);
            }
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

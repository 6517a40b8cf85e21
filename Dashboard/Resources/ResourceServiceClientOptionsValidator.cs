using Microsoft.Extensions.Options;

namespace Dashboard.Resources;

/// <summary>The rules that span fields; each failure names the key to fix.</summary>
internal sealed class ResourceServiceClientOptionsValidator : IValidateOptions<ResourceServiceClientOptions>
{
    private const string Key = ResourceServiceClientOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ResourceServiceClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return ValidateOptionsResult.Success; // standalone: resources come from telemetry only
        }

        List<string> failures = [];
        if (!ResourceServiceClientOptions.TryParseUrl(options.Url, out _))
        {
            failures.Add($"{Key}:Url (or {ResourceServiceClientOptions.UrlEnvironmentVariable}) must be an absolute http:// or https:// URL; it is '{options.Url}'.");
        }

        if (options.AuthMode == ResourceServiceAuthMode.ApiKey && string.IsNullOrEmpty(options.ApiKey))
        {
            failures.Add($"{Key}:ApiKey is required when {Key}:AuthMode is ApiKey (the default) and a resource service URL is set. " +
                $"Set {Key}:ApiKey to the key the AppHost gave, or {Key}:AuthMode=Unsecured for a service that asks for none.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

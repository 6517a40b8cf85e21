using Microsoft.Extensions.Options;

namespace ServiceDefaults.Http;

/// <summary>The cross-field rule the data annotations on <see cref="HttpClientDefaults"/> cannot express.</summary>
internal sealed class HttpClientDefaultsValidator : IValidateOptions<HttpClientDefaults>
{
    public ValidateOptionsResult Validate(string? name, HttpClientDefaults options) =>
        options.TotalTimeout < options.AttemptTimeout
            ? ValidateOptionsResult.Fail(
                $"{HttpClientDefaults.SectionName}:TotalTimeout ({options.TotalTimeout}) must not be shorter than " +
                $"{HttpClientDefaults.SectionName}:AttemptTimeout ({options.AttemptTimeout}).")
            : ValidateOptionsResult.Success;
}

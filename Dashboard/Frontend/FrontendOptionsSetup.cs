using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Dashboard.Frontend;

/// <summary>Fills what configuration left open: the listen URLs from <c>ASPNETCORE_URLS</c>, a generated browser token.</summary>
internal sealed class FrontendOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<FrontendOptions>
{
    public void PostConfigure(string? name, FrontendOptions options)
    {
        if (configuration[$"{FrontendOptions.SectionName}:EndpointUrls"] is null && configuration["ASPNETCORE_URLS"] is { Length: > 0 } urls)
        {
            options.EndpointUrls = urls;
        }

        if (options.AuthMode == FrontendAuthMode.BrowserToken && string.IsNullOrEmpty(options.BrowserToken))
        {
            options.BrowserToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            options.TokenWasGenerated = true;
        }
    }
}

internal sealed class FrontendOptionsValidator : IValidateOptions<FrontendOptions>
{
    public ValidateOptionsResult Validate(string? name, FrontendOptions options)
    {
        try
        {
            var urls = options.Urls().ToList();
            return urls.Count == 0
                ? ValidateOptionsResult.Fail($"{FrontendOptions.SectionName}:EndpointUrls names no URL.")
                : ValidateOptionsResult.Success;
        }
        catch (UriFormatException ex)
        {
            return ValidateOptionsResult.Fail($"{FrontendOptions.SectionName}:EndpointUrls is not a list of URLs: {ex.Message}");
        }
    }
}

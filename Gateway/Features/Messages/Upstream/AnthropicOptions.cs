using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Upstream;

/// <summary>Where the real Anthropic Messages API lives. Without an API key the Gateway answers with its mock model.</summary>
internal sealed class AnthropicOptions
{
    public const string SectionName = "Anthropic";

    public string BaseUrl { get; set; } = "https://api.anthropic.com";

    /// <summary>A secret: never logged, never echoed in an error.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Time one attempt may wait for response headers (and a JSON body); a streamed body may run longer.
    /// Each retry gets the full time again.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 600;

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    // A method, not a property: it throws while BaseUrl does not parse, and options are bound before they are validated.
    public Uri MessagesUri() => UriFor("/v1/messages");

    public Uri UriFor(string path) => new(BaseUrl.TrimEnd('/') + path);
}

/// <summary>The bounds of <see cref="AnthropicOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateAnthropicOptions : IValidateOptions<AnthropicOptions>
{
    public ValidateOptionsResult Validate(string? name, AnthropicOptions options) => SettingChecks.Result(
        (!string.IsNullOrWhiteSpace(options.BaseUrl), "Anthropic:BaseUrl is required."),
        (options.TimeoutSeconds is >= 1 and <= 3600, "Anthropic:TimeoutSeconds must be between 1 and 3600."));
}

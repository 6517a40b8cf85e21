using System.ComponentModel.DataAnnotations;
using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Upstream;

/// <summary>Where the real Anthropic Messages API lives. Without an API key the Gateway answers with its mock model.</summary>
internal sealed class AnthropicOptions
{
    public const string SectionName = "Anthropic";

    [Required(ErrorMessage = "Anthropic:BaseUrl is required.")]
    public string BaseUrl { get; set; } = "https://api.anthropic.com";

    /// <summary>A secret: never logged, never echoed in an error.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Time one attempt may wait for response headers (and a JSON body); a streamed body may run longer.
    /// Each retry gets the full time again.
    /// </summary>
    [SettingRange(1, 3600, ErrorMessage = "Anthropic:TimeoutSeconds must be between 1 and 3600.")]
    public int TimeoutSeconds { get; set; } = 600;

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    // A method, not a property: it throws while BaseUrl does not parse, and options are bound before they are validated.
    public Uri MessagesUri() => UriFor("/v1/messages");

    public Uri UriFor(string path) => new(BaseUrl.TrimEnd('/') + path);
}

/// <summary>The data annotations of <see cref="AnthropicOptions"/>, checked by code the options validation source generator writes.</summary>
[OptionsValidator]
internal sealed partial class ValidateAnthropicOptions : IValidateOptions<AnthropicOptions>;

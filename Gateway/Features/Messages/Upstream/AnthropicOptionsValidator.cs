using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages.Upstream;

/// <summary>Data annotations cannot say "absolute http(s) URI", so the Gateway refuses to start here instead of failing on the first request.</summary>
internal sealed class AnthropicOptionsValidator : IValidateOptions<AnthropicOptions>
{
    public ValidateOptionsResult Validate(string? name, AnthropicOptions options)
    {
        var isHttp = Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0;
        return isHttp
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Anthropic:BaseUrl must be an absolute http or https URI without query or fragment.");
    }
}

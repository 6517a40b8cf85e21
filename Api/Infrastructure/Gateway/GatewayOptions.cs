using System.ComponentModel.DataAnnotations;

namespace Api.Infrastructure.Gateway;

public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    public const string InvalidBaseUrlMessage = "Gateway:BaseUrl must be an absolute URL, e.g. https+http://gateway or http://localhost:5100.";

    // "https+http://gateway" is resolved by service discovery (ServiceDefaults) from
    // services:gateway:https:0 or services:gateway:http:0, the keys Aspire hands out.
    [Required(ErrorMessage = "Gateway:BaseUrl is required, e.g. https+http://gateway.")]
    public string BaseUrl { get; set; } = "https+http://gateway";

    [Required(ErrorMessage = "Gateway:Model is required, e.g. claude-sonnet-4-5.")]
    public string Model { get; set; } = "claude-sonnet-4-5";

    /// <summary>The Api's client key for the Gateway (a secret, sent as x-api-key). The AppHost generates and shares it.</summary>
    public string? ApiKey { get; set; }
}

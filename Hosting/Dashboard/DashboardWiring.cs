using System.Security.Cryptography;

namespace Hosting.Dashboard;

/// <summary>
/// The dashboard's addresses and this run's keys: the OTLP API key every service sends, the browser token behind the
/// login link, the resource service's key. Generated at every start, never written to disk or to the console (but
/// the login link, which is the point).
/// </summary>
internal sealed class DashboardWiring
{
    public const string OtlpGrpcEndpoint = "OtlpGrpc";
    public const string OtlpHttpEndpoint = "OtlpHttp";
    public const string OtlpApiKeyHeader = "x-otlp-api-key";

    public required string FrontendUrl { get; init; }

    public required string OtlpGrpcUrl { get; init; }

    public required string OtlpHttpUrl { get; init; }

    public required Uri ResourceServiceUrl { get; init; }

    public required string ResourceServiceApiKey { get; init; }

    /// <summary>Where the dashboard journals its telemetry, so an AppHost restart keeps it.</summary>
    public required string StorageDirectory { get; init; }

    public string OtlpApiKey { get; } = NewSecret();

    public string BrowserToken { get; } = NewSecret();

    public string OtlpHeaders => $"{OtlpApiKeyHeader}={OtlpApiKey}";

    public string LoginUrl => $"{FrontendUrl}/login?t={BrowserToken}";

    /// <summary>Aspire's dashboard configuration keys, which ours reads too.</summary>
    public void AddDashboardEnvironment(Dictionary<string, string> environment)
    {
        environment["Dashboard__Frontend__AuthMode"] = "BrowserToken";
        environment["Dashboard__Frontend__BrowserToken"] = BrowserToken;
        environment["Dashboard__Otlp__AuthMode"] = "ApiKey";
        environment["Dashboard__Otlp__PrimaryApiKey"] = OtlpApiKey;
        environment["Dashboard__Otlp__GrpcEndpointUrl"] = OtlpGrpcUrl;
        environment["Dashboard__Otlp__HttpEndpointUrl"] = OtlpHttpUrl;
        environment["Dashboard__ResourceServiceClient__Url"] = ResourceServiceUrl.ToString();
        environment["Dashboard__ResourceServiceClient__AuthMode"] = "ApiKey";
        environment["Dashboard__ResourceServiceClient__ApiKey"] = ResourceServiceApiKey;
        environment["Dashboard__Storage__Directory"] = StorageDirectory;
    }

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

using Microsoft.Extensions.Options;

namespace Dashboard.Otlp;

/// <summary>The rules that span fields; each failure names the key to fix.</summary>
internal sealed class OtlpOptionsValidator : IValidateOptions<OtlpOptions>
{
    private const string Key = OtlpOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OtlpOptions options)
    {
        List<string> failures = [];
        if (options.AuthMode == OtlpAuthMode.ApiKey && string.IsNullOrEmpty(options.PrimaryApiKey))
        {
            failures.Add($"{Key}:PrimaryApiKey is required when {Key}:AuthMode is ApiKey (the default). " +
                $"Set {Key}:PrimaryApiKey to the key senders put in the x-otlp-api-key header, " +
                $"or set {Key}:AuthMode=Unsecured to accept telemetry from anyone who can reach the receivers.");
        }

        var grpc = CheckUrl(options.GrpcEndpointUrl, "GrpcEndpointUrl", failures);
        var http = CheckUrl(options.HttpEndpointUrl, "HttpEndpointUrl", failures);
        if (grpc is not null && http is not null && grpc.Port != 0 && grpc.Port == http.Port
            && string.Equals(grpc.Host, http.Host, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Key}:GrpcEndpointUrl and {Key}:HttpEndpointUrl must use different ports, both are '{grpc}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static Uri? CheckUrl(string? value, string field, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null; // the receiver is turned off
        }

        if (OtlpOptions.TryParseUrl(value, out var url))
        {
            return url;
        }

        failures.Add($"{Key}:{field} must be an http:// URL with a host and a port and no path " +
            $"(such as http://localhost:4317), or empty to turn the receiver off; it is '{value}'.");
        return null;
    }
}

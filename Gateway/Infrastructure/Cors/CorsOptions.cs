namespace Gateway.Infrastructure.Cors;

/// <summary>Which browser front ends may call <c>/v1</c> directly (the client key still has to be valid).</summary>
internal sealed class GatewayCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Exact origins (<c>scheme://host[:port]</c>). The default is the usual local dev servers.</summary>
    public string[] AllowedOrigins { get; set; } =
    [
        "http://localhost:3000", "http://localhost:4200", "http://localhost:5173", "http://localhost:8080",
        "http://127.0.0.1:3000", "http://127.0.0.1:4200", "http://127.0.0.1:5173", "http://127.0.0.1:8080",
    ];

    /// <summary>How long a browser may reuse a preflight answer.</summary>
    public int PreflightMaxAgeSeconds { get; set; } = 600;
}

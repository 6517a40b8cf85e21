using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Infrastructure.Cors;

internal static class CorsExtensions
{
    public const string PolicyName = "anthropic-clients";

    /// <summary>
    /// Response headers a browser script may read: what the SDKs read from Anthropic, plus the Gateway's own.
    /// Request headers are not listed: the SDKs keep adding <c>x-stainless-*</c> ones, and the origin list is the boundary.
    /// </summary>
    private static readonly string[] ExposedHeaders =
    [
        "request-id", "retry-after", "age", "x-gateway-cache", "x-gateway-mock", "x-gateway-fallback",
        "anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-reset",
        "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-reset",
        "anthropic-ratelimit-input-tokens-limit", "anthropic-ratelimit-input-tokens-remaining", "anthropic-ratelimit-input-tokens-reset",
        "anthropic-ratelimit-output-tokens-limit", "anthropic-ratelimit-output-tokens-remaining", "anthropic-ratelimit-output-tokens-reset",
    ];

    public static IHostApplicationBuilder AddGatewayCors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayCorsOptions>()
            .BindConfiguration(GatewayCorsOptions.SectionName)
            .Validate(options => options.AllowedOrigins.All(IsOrigin), "Cors:AllowedOrigins must hold origins such as http://localhost:5173 (scheme, host, optional port; no path, no '*').")
            .Validate(options => options.PreflightMaxAgeSeconds is >= 0 and <= 86_400, "Cors:PreflightMaxAgeSeconds must be between 0 and 86400.")
            .ValidateOnStart();
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<GatewayCorsOptions>>((cors, gateway) => cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins(gateway.Value.AllowedOrigins)
                .WithMethods("GET", "POST")
                .AllowAnyHeader()
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromSeconds(gateway.Value.PreflightMaxAgeSeconds))));
        return builder;
    }

    /// <summary>
    /// <c>UseCors()</c>, with the middleware built here: <c>UseCors</c> binds its <c>Invoke(context, policyProvider)</c>
    /// through a compiled expression tree, which costs the Gateway System.Linq.Expressions in memory (bench/README.md).
    /// </summary>
    public static IApplicationBuilder UseGatewayCors(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var policies = services.GetRequiredService<ICorsPolicyProvider>();
        return app.Use(next =>
        {
            var cors = new CorsMiddleware(next, services.GetRequiredService<ICorsService>(), services.GetRequiredService<ILoggerFactory>());
            return context => cors.Invoke(context, policies);
        });
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && !value.EndsWith('/') && uri.Query.Length == 0 && uri.Fragment.Length == 0;
}

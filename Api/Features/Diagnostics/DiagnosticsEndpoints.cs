using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Features.Diagnostics;

public static class DiagnosticsEndpoints
{
    public static WebApplication MapDiagnosticsEndpoints(this WebApplication app)
    {
        // Hosts, ports and user names help a developer check the wiring and help an attacker
        // map the network: only a development environment gets them.
        if (app.Environment.IsDevelopment())
        {
            app.MapGroup("/api/diagnostics").WithTags("Diagnostics").MapGet("/wiring", GetWiring);
        }

        return app;
    }

    internal static Ok<WiringReport> GetWiring(IConfiguration configuration) =>
        TypedResults.Ok(WiringReport.From(configuration));
}

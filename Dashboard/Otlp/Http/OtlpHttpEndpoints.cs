namespace Dashboard.Otlp.Http;

internal static class OtlpHttpEndpoints
{
    /// <summary>
    /// Raw request delegates rather than typed results: the receiver owns the body (read from the pipe) and the
    /// response (protobuf or JSON, OTLP's status codes), neither of which minimal APIs' binding would help with.
    /// </summary>
    public static IEndpointRouteBuilder MapOtlpHttpEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");

        // Anonymous, and past the UI's middleware (its cookie fallback policy, antiforgery): exports carry their own key.
        group.WithTags("OTLP/HTTP").AllowAnonymous().ShortCircuit();
        foreach (var signal in OtlpSignal.All)
        {
            RequestDelegate export = context => context.RequestServices.GetRequiredService<OtlpHttpReceiver>().ExportAsync(context, signal);
            group.MapPost(signal.HttpPath, export).WithDisplayName($"OTLP/HTTP {signal.Name}");
        }

        return endpoints;
    }
}

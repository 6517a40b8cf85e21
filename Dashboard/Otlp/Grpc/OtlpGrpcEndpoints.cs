namespace Dashboard.Otlp.Grpc;

internal static class OtlpGrpcEndpoints
{
    /// <summary>
    /// Raw request delegates: gRPC's framing, status trailers and percent-encoded messages are written by
    /// <see cref="OtlpGrpcReceiver"/> itself, as Grpc.AspNetCore is not available here.
    /// </summary>
    public static IEndpointRouteBuilder MapOtlpGrpcEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("");

        // Anonymous, and past the UI's middleware (its cookie fallback policy, antiforgery): exports carry their own key.
        group.WithTags("OTLP/gRPC").AllowAnonymous().ShortCircuit();
        foreach (var signal in OtlpSignal.All)
        {
            RequestDelegate export = context => context.RequestServices.GetRequiredService<OtlpGrpcReceiver>().ExportAsync(context, signal);
            group.MapPost(signal.GrpcPath, export).WithDisplayName($"OTLP/gRPC {signal.Name}");
        }

        return endpoints;
    }
}

using Dashboard.Hosting;
using Dashboard.Otlp.Grpc;

namespace Dashboard.Otlp;

/// <summary>
/// Keeps the OTLP listeners to OTLP: anything but an export on them is 404 (UNIMPLEMENTED for a gRPC call to an
/// unknown method), so the UI, its login and its static files are reachable on the frontend listener only.
/// Must run before every other middleware the UI adds (authentication, antiforgery, static files).
/// </summary>
internal sealed class OtlpListenerGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var kind = DashboardEndpoint.KindOf(context);
        if (kind == DashboardEndpointKind.Frontend)
        {
            return next(context);
        }

        var request = context.Request;
        var response = context.Response;
        if (IsExportPath(kind, request.Path.Value))
        {
            if (HttpMethods.IsPost(request.Method))
            {
                return next(context);
            }

            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Post;
        }
        else if (kind == DashboardEndpointKind.OtlpGrpc && GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            GrpcResponses.WriteStatus(response, GrpcStatusCode.Unimplemented,
                $"Unknown method {request.Path}: this server implements OTLP's TraceService, MetricsService and LogsService Export.");
        }
        else
        {
            response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Task.CompletedTask;
    }

    // Case-insensitive and ignoring a trailing slash, as endpoint routing matches them.
    private static bool IsExportPath(DashboardEndpointKind kind, string? path)
    {
        var trimmed = (path ?? "").AsSpan().TrimEnd('/');
        foreach (var signal in OtlpSignal.All)
        {
            var exportPath = kind == DashboardEndpointKind.OtlpGrpc ? signal.GrpcPath : signal.HttpPath;
            if (trimmed.Equals(exportPath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using Dashboard.Hosting;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Dashboard.Otlp.Grpc;

/// <summary>
/// OTLP/gRPC's three unary <c>Export</c> methods, served by hand on Kestrel's HTTP/2. Bad data is
/// INVALID_ARGUMENT (OTLP's "do not retry"), a broken envelope INTERNAL (as gRPC libraries answer), an
/// oversize message RESOURCE_EXHAUSTED.
/// </summary>
internal sealed class OtlpGrpcReceiver(
    ITelemetryIngest ingest,
    OtlpApiKeyValidator keys,
    IOptions<OtlpOptions> options,
    ILogger<OtlpGrpcReceiver> logger)
{
    private const string Transport = "gRPC";

    private readonly int _limit = options.Value.MaxRequestBodyBytes;

    public async Task ExportAsync(HttpContext context, OtlpSignal signal)
    {
        var request = context.Request;
        if (DashboardEndpoint.KindOf(context) != DashboardEndpointKind.OtlpGrpc)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            // gRPC's rule for a request that is not gRPC at all: plain HTTP 415.
            Log.RejectedExport(logger, Transport, signal.GrpcPath, context.Connection.RemoteIpAddress, "the Content-Type is not application/grpc");
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (!keys.IsAuthorized(request))
        {
            Log.RejectedUnauthenticated(logger, Transport, signal.GrpcPath, context.Connection.RemoteIpAddress);
            GrpcResponses.WriteStatus(context.Response, GrpcStatusCode.Unauthenticated, $"Missing or wrong {OtlpApiKeyValidator.HeaderName} header.");
            return;
        }

        if (!GrpcProtocol.TryGetEncoding(request, out var gzip))
        {
            Reject(context, signal, GrpcStatusCode.Unimplemented,
                $"grpc-encoding '{request.Headers[GrpcProtocol.EncodingHeader]}' is not supported; this server accepts {GrpcProtocol.AcceptedEncodings}.");
            return;
        }

        IMessage export;
        try
        {
            export = await ReadAsync(context, signal, gzip);
        }
        catch (OtlpPayloadException e)
        {
            Reject(context, signal, CodeOf(e.Error), e.Message);
            return;
        }

        var response = signal.Ingest(ingest, export, out var result);
        if (result.Rejected > 0)
        {
            Log.PartlyAccepted(logger, Transport, signal.Name, result.Rejected, result.ErrorMessage);
        }

        await GrpcResponses.WriteMessageAsync(context.Response, response);
    }

    private async Task<IMessage> ReadAsync(HttpContext context, OtlpSignal signal, bool gzip)
    {
        RequestBody.LiftServerLimit(context);
        var reader = context.Request.BodyReader;
        var message = await GrpcMessageReader.ReadSingleAsync(reader, _limit, context.RequestAborted);
        try
        {
            if (!message.Compressed)
            {
                return signal.Parse(message.Payload);
            }

            if (!gzip)
            {
                throw new OtlpPayloadException(OtlpPayloadError.Malformed, "The message is flagged compressed but grpc-encoding names no compression.");
            }

            using var inflated = Gzip.Decompress(message.Payload, _limit);
            return signal.Parse(inflated.Sequence);
        }
        finally
        {
            reader.AdvanceTo(message.Buffer.End);
        }
    }

    private void Reject(HttpContext context, OtlpSignal signal, GrpcStatusCode code, string message)
    {
        Log.RejectedExport(logger, Transport, signal.GrpcPath, context.Connection.RemoteIpAddress, message);
        GrpcResponses.WriteStatus(context.Response, code, message);
    }

    private static GrpcStatusCode CodeOf(OtlpPayloadError error) => error switch
    {
        OtlpPayloadError.TooLarge => GrpcStatusCode.ResourceExhausted,
        OtlpPayloadError.Undecodable => GrpcStatusCode.InvalidArgument,
        _ => GrpcStatusCode.Internal,
    };
}

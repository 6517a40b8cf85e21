using System.Buffers;
using Dashboard.Hosting;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Dashboard.Otlp.Http;

/// <summary>OTLP/HTTP: <c>POST /v1/{signal}</c> with a binary protobuf or OTLP/JSON body, optionally gzip-compressed.</summary>
internal sealed class OtlpHttpReceiver(
    ITelemetryIngest ingest,
    OtlpApiKeyValidator keys,
    IOptions<OtlpOptions> options,
    ILogger<OtlpHttpReceiver> logger)
{
    private const string Transport = "HTTP";
    private const int GrpcInvalidArgument = 3;
    private const int GrpcResourceExhausted = 8;
    private const int GrpcUnauthenticated = 16;

    private readonly int _limit = options.Value.MaxRequestBodyBytes;

    public async Task ExportAsync(HttpContext context, OtlpSignal signal)
    {
        var request = context.Request;
        if (DashboardEndpoint.KindOf(context) != DashboardEndpointKind.OtlpHttp)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var encoding = OtlpHttpContent.EncodingOf(request.ContentType);
        if (!keys.IsAuthorized(request))
        {
            Log.RejectedUnauthenticated(logger, Transport, signal.HttpPath, context.Connection.RemoteIpAddress);
            await OtlpHttpResponses.WriteErrorAsync(context.Response, StatusCodes.Status401Unauthorized, GrpcUnauthenticated,
                $"Missing or wrong {OtlpApiKeyValidator.HeaderName} header.", encoding ?? OtlpHttpEncoding.Protobuf);
            return;
        }

        if (encoding is null || !OtlpHttpContent.TryGetCompression(request, out var gzip))
        {
            await RejectAsync(context, signal, StatusCodes.Status415UnsupportedMediaType, GrpcInvalidArgument, OtlpHttpEncoding.Protobuf,
                $"OTLP/HTTP takes Content-Type {OtlpHttpContent.Protobuf} or {OtlpHttpContent.Json}, with Content-Encoding gzip or none.");
            return;
        }

        if (request.ContentLength > _limit)
        {
            await RejectAsync(context, signal, StatusCodes.Status413PayloadTooLarge, GrpcResourceExhausted, encoding.Value,
                $"The request body is larger than {_limit} bytes.");
            return;
        }

        IMessage export;
        try
        {
            export = await ReadAsync(context, signal, encoding.Value, gzip);
        }
        catch (OtlpPayloadException e)
        {
            var tooLarge = e.Error == OtlpPayloadError.TooLarge;
            await RejectAsync(context, signal, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                tooLarge ? GrpcResourceExhausted : GrpcInvalidArgument, encoding.Value, e.Message);
            return;
        }

        var response = signal.Ingest(ingest, export, out var result);
        if (result.Rejected > 0)
        {
            Log.PartlyAccepted(logger, Transport, signal.Name, result.Rejected, result.ErrorMessage);
        }

        await OtlpHttpResponses.WriteAsync(context.Response, response, encoding.Value);
    }

    private async Task<IMessage> ReadAsync(HttpContext context, OtlpSignal signal, OtlpHttpEncoding encoding, bool gzip)
    {
        RequestBody.LiftServerLimit(context);
        var reader = context.Request.BodyReader;
        var body = await RequestBody.ReadToEndAsync(reader, _limit, context.RequestAborted);
        try
        {
            if (!gzip)
            {
                return Decode(signal, body, encoding);
            }

            using var inflated = Gzip.Decompress(body, _limit);
            return Decode(signal, inflated.Sequence, encoding);
        }
        finally
        {
            reader.AdvanceTo(body.End);
        }
    }

    private static IMessage Decode(OtlpSignal signal, ReadOnlySequence<byte> payload, OtlpHttpEncoding encoding) =>
        encoding == OtlpHttpEncoding.Json ? signal.ParseJson(payload) : signal.Parse(payload);

    private Task RejectAsync(HttpContext context, OtlpSignal signal, int statusCode, int grpcCode, OtlpHttpEncoding encoding, string message)
    {
        Log.RejectedExport(logger, Transport, signal.HttpPath, context.Connection.RemoteIpAddress, message);
        return OtlpHttpResponses.WriteErrorAsync(context.Response, statusCode, grpcCode, message, encoding);
    }
}

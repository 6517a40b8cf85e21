using System.Net;

namespace Dashboard.Bench;

/// <summary>OTLP/gRPC: unary <c>TraceService/Export</c> over HTTP/2 cleartext, several streams per connection.</summary>
internal sealed class GrpcSender(Uri endpoint, string apiKey, int connections)
    : OtlpSender(endpoint, apiKey, connections, HttpVersion.Version20)
{
    private const string Path = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";

    public override string Protocol => "gRPC";

    protected override HttpRequestMessage CreateRequest(ExportBatch batch)
    {
        var request = Post(Path, new ByteArrayContent(batch.Frame), "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    protected override string? Check(HttpResponseMessage response, byte[] body)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.StatusCode}";
        }

        // A failure comes "trailers-only" (in the headers); success as a trailer after the message.
        var status = Header(response.TrailingHeaders) ?? Header(response.Headers);
        if (status != "0")
        {
            return $"grpc-status {status ?? "missing"}";
        }

        return body.Length < ExportBatch.GrpcPrefixSize ? "no response message" : CheckPartialSuccess(body.AsSpan(ExportBatch.GrpcPrefixSize));
    }

    private static string? Header(System.Net.Http.Headers.HttpHeaders headers) =>
        headers.TryGetValues("grpc-status", out var values) ? values.FirstOrDefault() : null;
}

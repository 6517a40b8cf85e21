using System.Net;

namespace Dashboard.Bench;

/// <summary>OTLP/HTTP with binary protobuf: <c>POST /v1/traces</c> over HTTP/1.1, one request per connection at a time.</summary>
internal sealed class HttpSender(Uri endpoint, string apiKey, int connections)
    : OtlpSender(endpoint, apiKey, connections, HttpVersion.Version11)
{
    public override string Protocol => "HTTP/protobuf";

    protected override HttpRequestMessage CreateRequest(ExportBatch batch) =>
        Post("/v1/traces", new ByteArrayContent(batch.Frame, ExportBatch.GrpcPrefixSize, batch.ProtobufLength), "application/x-protobuf");

    protected override string? Check(HttpResponseMessage response, byte[] body) =>
        response.StatusCode == HttpStatusCode.OK ? CheckPartialSuccess(body) : $"HTTP {(int)response.StatusCode}";
}

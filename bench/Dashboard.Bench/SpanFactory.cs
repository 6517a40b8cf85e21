using Google.Protobuf;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Dashboard.Bench;

/// <summary>Spans shaped like ASP.NET Core's, HttpClient's and Npgsql's, with the attributes their instrumentations set.</summary>
internal sealed class SpanFactory(Random random, string service)
{
    public Span Server(ulong start)
    {
        var item = random.Next(1, 100_000);
        var status = random.Next(100) switch { < 95 => 200, < 98 => 404, _ => 500 };
        var span = New(Id(16), parent: null, "GET /api/items/{id}", Span.Types.SpanKind.Server, start, 40);
        span.Attributes.Add(String("http.request.method", "GET"));
        span.Attributes.Add(String("url.scheme", "http"));
        span.Attributes.Add(String("url.path", $"/api/items/{item}"));
        span.Attributes.Add(String("http.route", "/api/items/{id}"));
        span.Attributes.Add(Int("http.response.status_code", status));
        span.Attributes.Add(String("server.address", service));
        span.Attributes.Add(Int("server.port", 8080));
        span.Attributes.Add(String("network.protocol.version", "1.1"));
        span.Attributes.Add(String("client.address", $"10.0.{random.Next(256)}.{random.Next(256)}"));
        span.Attributes.Add(String("user_agent.original", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"));
        span.Status = status == 500 ? new Status { Code = Status.Types.StatusCode.Error } : null;
        return span;
    }

    public Span Client(Span parent, ulong start)
    {
        var sku = random.Next(1, 100_000);
        var span = New(parent.TraceId, parent.SpanId, "GET", Span.Types.SpanKind.Client, start, 6);
        span.Attributes.Add(String("http.request.method", "GET"));
        span.Attributes.Add(String("url.full", $"http://inventory-api:8080/api/stock/{sku}"));
        span.Attributes.Add(String("server.address", "inventory-api"));
        span.Attributes.Add(Int("server.port", 8080));
        span.Attributes.Add(Int("http.response.status_code", 200));
        span.Attributes.Add(String("network.protocol.version", "2"));
        span.Attributes.Add(String("network.peer.address", $"10.0.1.{random.Next(256)}"));
        span.Attributes.Add(Int("http.request.resend_count", 0));
        return span;
    }

    public Span Database(Span parent, ulong start)
    {
        var span = New(parent.TraceId, parent.SpanId, "SELECT catalog.items", Span.Types.SpanKind.Client, start, 3);
        span.Attributes.Add(String("db.system.name", "postgresql"));
        span.Attributes.Add(String("db.namespace", "catalog"));
        span.Attributes.Add(String("db.operation.name", "SELECT"));
        span.Attributes.Add(String("db.collection.name", "items"));
        span.Attributes.Add(String("db.query.text", "SELECT i.id, i.name, i.price FROM catalog.items AS i WHERE i.id = $1"));
        span.Attributes.Add(String("server.address", "postgres"));
        span.Attributes.Add(Int("server.port", 5432));
        span.Attributes.Add(Int("db.response.returned_rows", random.Next(0, 2)));
        span.Attributes.Add(String("network.peer.address", "10.0.2.7"));
        return span;
    }

    public static KeyValue String(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static KeyValue Int(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    private Span New(ByteString traceId, ByteString? parent, string name, Span.Types.SpanKind kind, ulong start, int maxMilliseconds) => new()
    {
        TraceId = traceId,
        SpanId = Id(8),
        ParentSpanId = parent ?? ByteString.Empty,
        Name = name,
        Kind = kind,
        StartTimeUnixNano = start,
        EndTimeUnixNano = start + ((ulong)random.Next(1, maxMilliseconds * 1000) * 1000),
    };

    private ByteString Id(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return UnsafeByteOperations.UnsafeWrap(bytes);
    }
}

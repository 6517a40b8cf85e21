using OpenTelemetry.Proto.Collector.Trace.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Resource.V1;
using OpenTelemetry.Proto.Trace.V1;

namespace Dashboard.Bench;

/// <summary>
/// Pre-generates the flood: each batch is one service instance's export, traces of
/// <see cref="BenchOptions.SpansPerTrace"/> spans (an incoming request and its outgoing calls) with random ids.
/// </summary>
internal static class SpanFlood
{
    private static readonly string[] Services = ["catalog-api", "basket-api", "ordering-api", "webfrontend"];

    public static ExportBatch[] Generate(int spans, int batchSize, int seed)
    {
        var count = (spans + batchSize - 1) / batchSize;
        var batches = new ExportBatch[count];
        var origin = (ulong)(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 3_600_000) * 1_000_000;
        Parallel.For(0, count, i =>
        {
            var size = Math.Min(batchSize, spans - (i * batchSize));
            var random = new Random(HashCode.Combine(seed, i));
            var request = Build(random, Services[i % Services.Length], i % 2, size, origin + ((ulong)i * 1_000_000_000));
            batches[i] = ExportBatch.Serialize(request, size);
        });
        return batches;
    }

    private static ExportTraceServiceRequest Build(Random random, string service, int instance, int spans, ulong start)
    {
        var server = new ScopeSpans { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore" } };
        var client = new ScopeSpans { Scope = new InstrumentationScope { Name = "System.Net.Http" } };
        var database = new ScopeSpans { Scope = new InstrumentationScope { Name = "Npgsql" } };
        var factory = new SpanFactory(random, service);
        for (var first = 0; first < spans; first += BenchOptions.SpansPerTrace)
        {
            var traceSpans = Math.Min(BenchOptions.SpansPerTrace, spans - first);
            var root = factory.Server(start + ((ulong)first * 1_000_000));
            server.Spans.Add(root);
            for (var i = 1; i < traceSpans; i++)
            {
                var offset = root.StartTimeUnixNano + ((ulong)i * 2_000_000);
                (i % 2 == 0 ? database.Spans : client.Spans).Add(i % 2 == 0 ? factory.Database(root, offset) : factory.Client(root, offset));
            }
        }

        var resource = new Resource
        {
            Attributes =
            {
                SpanFactory.String("service.name", service),
                SpanFactory.String("service.instance.id", $"{service}-{instance}"),
                SpanFactory.String("telemetry.sdk.language", "dotnet"),
            },
        };
        var resourceSpans = new ResourceSpans { Resource = resource };
        resourceSpans.ScopeSpans.AddRange(new[] { server, client, database }.Where(s => s.Spans.Count > 0));
        return new ExportTraceServiceRequest { ResourceSpans = { resourceSpans } };
    }
}

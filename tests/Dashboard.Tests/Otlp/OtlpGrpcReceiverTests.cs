using System.Net;
using Dashboard.Telemetry;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Tests.Otlp;

/// <summary>OTLP/gRPC, called by hand: methods, keys, statuses, trailers and partial success exactly as a client sees them.</summary>
public sealed class OtlpGrpcReceiverTests : GrpcReceiverTestBase
{
    [Fact]
    public async Task An_export_is_ingested_and_answered_with_one_message_and_status_0_in_the_trailers()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("GET /orders", "SELECT orders")));

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal("application/grpc", reply.ContentType);
        Assert.Equal("0", reply.Trailers.GetValues("grpc-status").Single());
        Assert.False(reply.Headers.Contains("grpc-status"));
        Assert.Null(reply.ReadMessage(ExportTraceServiceResponse.Parser).PartialSuccess);
        Assert.Equal(["GET /orders", "SELECT orders"], Ingest.Spans.Select(s => s.Name));
        Assert.Equal(OtlpRequests.TraceIdHex, Convert.ToHexStringLower(Ingest.Spans[0].TraceId.Span));
        Assert.Equal("checkout", Ingest.ResourceSpans.Single().Resource.Attributes.Single(a => a.Key == "service.name").Value.StringValue);
    }

    [Theory]
    [InlineData("traces")]
    [InlineData("metrics")]
    [InlineData("logs")]
    public async Task Each_signal_has_its_Export_method(string signal)
    {
        var reply = await SendAsync(PathOf(signal), GrpcCall.Frame(OtlpRequests.For(signal)));

        Assert.Equal(0, reply.Status);
        Assert.Equal(1, Ingest.RequestCount);
        Assert.Single(signal switch
        {
            "traces" => Ingest.Spans.Select(s => s.Name),
            "metrics" => Ingest.Metrics.Select(m => m.Name),
            _ => Ingest.LogRecords.Select(l => l.Body.StringValue),
        });
    }

    [Fact]
    public async Task The_secondary_key_is_accepted_too()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")), apiKey: "second-key");

        Assert.Equal(0, reply.Status);
        Assert.Single(Ingest.Spans);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("")]
    [InlineData(DashboardHost.ApiKey + "x")]
    public async Task A_missing_or_wrong_key_is_UNAUTHENTICATED_trailers_only_and_nothing_is_ingested(string? apiKey)
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")), apiKey: apiKey);

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal(16, reply.Status);
        Assert.True(reply.TrailersOnly);
        Assert.Empty(reply.Body);
        Assert.Contains("x-otlp-api-key", reply.Message);
        Assert.Equal(0, Ingest.RequestCount);
        var rejection = Assert.Single(Logs.Entries, e => e.EventId.Id == 2010);
        Assert.Equal(LogLevel.Warning, rejection.Level);
        Assert.DoesNotContain(Logs.Entries, e => e.Message.Contains(DashboardHost.ApiKey, StringComparison.Ordinal) || e.Message.Contains("wrong-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_content_type_other_than_application_grpc_is_HTTP_415()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.HttpStatus);
        Assert.Equal(0, Ingest.RequestCount);
    }

    [Fact]
    public async Task The_proto_suffix_of_the_content_type_is_accepted()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a")), contentType: "application/grpc+proto");

        Assert.Equal(0, reply.Status);
    }

    [Theory]
    [InlineData("/opentelemetry.proto.collector.profiles.v1development.ProfilesService/Export")]
    [InlineData("/opentelemetry.proto.collector.trace.v1.TraceService/Stream")]
    public async Task An_unknown_method_is_UNIMPLEMENTED(string path)
    {
        var reply = await SendAsync(path, GrpcCall.Frame(OtlpRequests.Traces("a")));

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal(12, reply.Status);
        Assert.True(reply.TrailersOnly);
        Assert.Contains(path, reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_spans_come_back_as_partial_success()
    {
        Ingest.Result = new IngestResult(3, "three spans had no trace id");

        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame(OtlpRequests.Traces("a", "b", "c", "d")));

        Assert.Equal(0, reply.Status);
        var partial = reply.ReadMessage(ExportTraceServiceResponse.Parser).PartialSuccess;
        Assert.Equal(3, partial.RejectedSpans);
        Assert.Equal("three spans had no trace id", partial.ErrorMessage);
    }

    [Fact]
    public async Task Rejected_log_records_and_data_points_come_back_as_partial_success()
    {
        Ingest.Result = new IngestResult(3, "full");

        var logs = await SendAsync(PathOf("logs"), GrpcCall.Frame(OtlpRequests.Logs("x")));
        var metrics = await SendAsync(PathOf("metrics"), GrpcCall.Frame(OtlpRequests.Metrics("m", 1)));

        Assert.Equal(3, logs.ReadMessage(ExportLogsServiceResponse.Parser).PartialSuccess.RejectedLogRecords);
        Assert.Equal(3, metrics.ReadMessage(ExportMetricsServiceResponse.Parser).PartialSuccess.RejectedDataPoints);
        Assert.Equal("full", metrics.ReadMessage(ExportMetricsServiceResponse.Parser).PartialSuccess.ErrorMessage);
    }

    [Fact]
    public async Task An_empty_export_is_a_success()
    {
        var reply = await SendAsync(GrpcCall.TracePath, GrpcCall.Frame([]));

        Assert.Equal(0, reply.Status);
        Assert.Empty(Ingest.Spans);
    }
}

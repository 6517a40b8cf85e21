using System.Net;
using System.Text;
using Dashboard.Otlp;
using Dashboard.Telemetry;
using Dashboard.Tests.Support;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Dashboard.Tests.Otlp;

/// <summary>OTLP/HTTP, called by hand: binary protobuf, OTLP/JSON, gzip, and the failure statuses of the OTLP/HTTP specification.</summary>
public sealed class OtlpHttpReceiverTests : IAsyncLifetime
{
    private readonly RecordingIngest _ingest = new();
    private readonly CapturedLogs _logs = new();
    private DashboardHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await DashboardHost.StartAsync(
            [.. DashboardHost.DefaultArgs, "--Dashboard:Otlp:MaxRequestBodyBytes=4096"],
            builder =>
            {
                builder.Services.AddSingleton<ITelemetryIngest>(_ingest);
                builder.Logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug);
            });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_protobuf_export_is_ingested_and_answered_with_the_export_response()
    {
        using var response = await PostAsync("/v1/traces", OtlpRequests.Traces("GET /orders").ToByteArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var body = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Null(body.PartialSuccess);
        Assert.Equal("GET /orders", _ingest.Spans.Single().Name);
    }

    [Theory]
    [InlineData("traces")]
    [InlineData("metrics")]
    [InlineData("logs")]
    public async Task Each_signal_has_its_path(string signal)
    {
        using var response = await PostAsync($"/v1/{signal}", OtlpRequests.For(signal).ToByteArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _ingest.RequestCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task A_missing_or_wrong_key_is_401_with_a_Status_and_nothing_is_ingested(string? apiKey)
    {
        using var response = await PostAsync("/v1/traces", OtlpRequests.Traces("a").ToByteArray(), apiKey: apiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var status = await OtlpHttpCall.ReadStatusAsync(response);
        Assert.Equal(16, status.Code);
        Assert.Contains("x-otlp-api-key", status.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ingest.RequestCount);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2010);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(DashboardHost.ApiKey, StringComparison.Ordinal) || e.Message.Contains("wrong-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Garbage_protobuf_is_400_with_a_Status()
    {
        using var response = await PostAsync("/v1/traces", [0x0A, 0x10, 0x01]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await OtlpHttpCall.ReadStatusAsync(response);
        Assert.Equal(3, status.Code);
        Assert.Contains("not valid protobuf", status.Message, StringComparison.Ordinal);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_on_its_Content_Length()
    {
        using var response = await PostAsync("/v1/traces", new byte[4097]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(8, (await OtlpHttpCall.ReadStatusAsync(response)).Code);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        using var response = await PostAsync("/v1/traces", new byte[64 * 1024], chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task A_gzip_body_is_inflated()
    {
        var body = OtlpRequests.Gzip(OtlpRequests.Logs("order shipped").ToByteArray());

        using var response = await PostAsync("/v1/logs", body, contentEncoding: "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("order shipped", _ingest.LogRecords.Single().Body.StringValue);
    }

    [Fact]
    public async Task A_gzip_body_that_inflates_past_the_limit_is_413()
    {
        using var response = await PostAsync("/v1/logs", OtlpRequests.Gzip(new byte[1024 * 1024]), contentEncoding: "gzip");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task Corrupt_gzip_is_400()
    {
        using var response = await PostAsync("/v1/logs", [1, 2, 3, 4, 5, 6, 7, 8], contentEncoding: "gzip");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("gzip", (await OtlpHttpCall.ReadStatusAsync(response)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain", null)]
    [InlineData("application/grpc", null)]
    [InlineData("application/x-protobuf", "br")]
    public async Task An_unsupported_content_type_or_encoding_is_415(string contentType, string? contentEncoding)
    {
        using var response = await PostAsync("/v1/traces", OtlpRequests.Traces("a").ToByteArray(), contentType: contentType, contentEncoding: contentEncoding);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/x-protobuf", (await OtlpHttpCall.ReadStatusAsync(response)).Message, StringComparison.Ordinal);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task Rejected_items_come_back_as_partial_success()
    {
        _ingest.Result = new IngestResult(3, "three spans had no trace id");

        using var response = await PostAsync("/v1/traces", OtlpRequests.Traces("a", "b", "c", "d").ToByteArray());

        var partial = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).PartialSuccess;
        Assert.Equal(3, partial.RejectedSpans);
        Assert.Equal("three spans had no trace id", partial.ErrorMessage);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 2012);
    }

    [Fact]
    public async Task Rejected_log_records_and_data_points_come_back_as_partial_success()
    {
        _ingest.Result = new IngestResult(3, null);

        using var logs = await PostAsync("/v1/logs", OtlpRequests.Logs("x").ToByteArray());
        using var metrics = await PostAsync("/v1/metrics", OtlpRequests.Metrics("m", 1).ToByteArray());

        var rejectedLogs = ExportLogsServiceResponse.Parser.ParseFrom(await logs.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).PartialSuccess;
        var rejectedPoints = ExportMetricsServiceResponse.Parser.ParseFrom(await metrics.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).PartialSuccess;
        Assert.Equal(3, rejectedLogs.RejectedLogRecords);
        Assert.Equal("", rejectedLogs.ErrorMessage);
        Assert.Equal(3, rejectedPoints.RejectedDataPoints);
    }

    [Fact]
    public async Task OTLP_JSON_is_read_with_hex_ids_and_answered_in_JSON()
    {
        const string json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
              "scopeSpans":[{"scope":{"name":"tests"},"spans":[{
                "traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"eee19b7ec3c1b174","parentSpanId":"",
                "name":"GET /orders","kind":2,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":1544712661000000000,
                "attributes":[{"key":"traceId","value":{"stringValue":"not an id"}},{"key":"http.status_code","value":{"intValue":"200"}}],
                "links":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708"}],
                "someFutureField":{"x":1}}]}]}]}
            """;

        using var response = await PostAsync("/v1/traces", Encoding.UTF8.GetBytes(json), contentType: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(JsonParser.Default.Parse<ExportTraceServiceResponse>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).PartialSuccess);
        var span = _ingest.Spans.Single();
        Assert.Equal(OtlpRequests.TraceIdHex, Convert.ToHexStringLower(span.TraceId.Span));
        Assert.Equal(OtlpRequests.SpanIdHex, Convert.ToHexStringLower(span.SpanId.Span));
        Assert.True(span.ParentSpanId.IsEmpty);
        Assert.Equal("0102030405060708090a0b0c0d0e0f10", Convert.ToHexStringLower(span.Links.Single().TraceId.Span));
        Assert.Equal(OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server, span.Kind);
        Assert.Equal(1544712661000000000UL, span.EndTimeUnixNano);
        Assert.Equal("not an id", span.Attributes[0].Value.StringValue);
        Assert.Equal(200, span.Attributes[1].Value.IntValue);
    }

    [Fact]
    public async Task OTLP_JSON_log_ids_are_hex_too_and_partial_success_is_JSON()
    {
        _ingest.Result = new IngestResult(1, "one log record too many");
        const string json = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","body":{"stringValue":"order shipped"},"severityNumber":9}]}]}]}
            """;

        using var response = await PostAsync("/v1/logs", Encoding.UTF8.GetBytes(json), contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = _ingest.LogRecords.Single();
        Assert.Equal(OtlpRequests.TraceIdHex, Convert.ToHexStringLower(record.TraceId.Span));
        Assert.Equal("order shipped", record.Body.StringValue);
        var answer = JsonParser.Default.Parse<ExportLogsServiceResponse>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, answer.PartialSuccess.RejectedLogRecords);
    }

    [Theory]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"not hex","name":"a"}]}]}]}""")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"abc","name":"a"}]}]}]}""")]
    [InlineData("""{"resourceSpans":""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"soon"}]}]}]}""")]
    public async Task Invalid_OTLP_JSON_is_400_with_a_JSON_Status(string json)
    {
        using var response = await PostAsync("/v1/traces", Encoding.UTF8.GetBytes(json), contentType: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var status = JsonParser.Default.Parse<Google.Rpc.Status>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, status.Code);
        Assert.Equal(0, _ingest.RequestCount);
    }

    [Fact]
    public async Task A_GET_on_an_export_path_is_405()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(_host.OtlpHttpUrl, "/v1/traces"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(
        string path,
        byte[] body,
        string contentType = "application/x-protobuf",
        string? apiKey = DashboardHost.ApiKey,
        string? contentEncoding = null,
        bool chunked = false) =>
        OtlpHttpCall.PostAsync(_host.OtlpHttpUrl, path, body, contentType, apiKey, contentEncoding, chunked);
}

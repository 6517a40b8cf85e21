using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceDefaults.Tests.Support;

/// <summary>One OTLP export request as it reached the receiver.</summary>
internal sealed record OtlpExport(string Path, string Protocol, string? ContentType, string? ApiKey, byte[] Body)
{
    /// <summary>
    /// Protobuf stores strings and bytes fields verbatim, so a span name, an attribute value or a
    /// trace id can be found in the payload without a protobuf library.
    /// </summary>
    public bool Contains(ReadOnlySpan<byte> bytes) => Body.AsSpan().IndexOf(bytes) >= 0;

    public bool Contains(string text) => Contains(System.Text.Encoding.UTF8.GetBytes(text));
}

/// <summary>
/// A stand-in OpenTelemetry collector on a loopback port: records every request and answers as
/// a collector would, over http/protobuf (HTTP/1.1) or gRPC (HTTP/2 without TLS).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly Signal<OtlpExport> _exports = new();
    private TestApp? _app;

    public Uri BaseAddress => _app!.BaseAddress;

    public IReadOnlyList<OtlpExport> Exports => _exports.Items;

    public Task<OtlpExport> WaitForAsync(Func<OtlpExport, bool> predicate) => _exports.WaitForAsync(predicate);

    public static async Task<OtlpReceiver> StartAsync(bool grpc)
    {
        var receiver = new OtlpReceiver();
        receiver._app = await TestApp.StartAsync(
            serviceDefaults: false,
            configureServices: builder => builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.ConfigureEndpointDefaults(endpoint =>
                    endpoint.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1)),
            configureApp: app => app.Map("/{**path}", receiver.ReceiveAsync));
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = context.Request;
        _exports.Add(new OtlpExport(
            request.Path.Value!,
            request.Protocol,
            request.ContentType,
            request.Headers["x-otlp-api-key"].FirstOrDefault(),
            body.ToArray()));

        if (request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            // An empty Export*ServiceResponse in one uncompressed gRPC frame, then an OK status.
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[5], context.RequestAborted);
            context.Response.AppendTrailer("grpc-status", "0");
            return;
        }

        context.Response.ContentType = "application/x-protobuf";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

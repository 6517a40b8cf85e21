using System.Collections.Concurrent;
using System.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Support;

/// <summary>
/// The S3 REST API's object calls, path-style (<c>/{bucket}/{key}</c>), as AWS documents them: PUT, GET, HEAD and
/// DELETE Object, errors as S3's XML body (NoSuchBucket, NoSuchKey, AccessDenied for unsigned calls). No S3 server
/// can run here, so this is the one stand-in: it refuses what it does not implement (aws-chunked bodies) rather
/// than pretending to store it.
/// </summary>
internal sealed class S3Stub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> _objects = new();
    private TestWebApp? _app;

    public string Bucket { get; } = "attachments";

    public ConcurrentQueue<string> Requests { get; } = new();

    public IReadOnlyCollection<string> Keys => [.. _objects.Keys];

    public string ServiceUrl => _app!.BaseAddress.ToString().TrimEnd('/');

    public byte[]? Object(string key) => _objects.TryGetValue(key, out var stored) ? stored.Body : null;

    public static async Task<S3Stub> StartAsync()
    {
        var stub = new S3Stub();
        stub._app = await TestWebApp.StartAsync(new Dictionary<string, string?>(), _ => { }, app => app.Run(stub.HandleAsync));
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue($"{request.Method} {request.Path}");
        var path = request.Path.Value!.TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var (bucket, key) = slash < 0 ? (path, "") : (path[..slash], Uri.UnescapeDataString(path[(slash + 1)..]));

        if (!request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, "AccessDenied", "Access Denied", key);
        }
        else if (bucket != Bucket)
        {
            await ErrorAsync(context, 404, "NoSuchBucket", "The specified bucket does not exist", key);
        }
        else if (key.Length == 0)
        {
            await ErrorAsync(context, 501, "NotImplemented", "Only object operations are implemented by this stub.", key);
        }
        else
        {
            await ObjectAsync(context, key);
        }
    }

    private async Task ObjectAsync(HttpContext context, string key)
    {
        var request = context.Request;
        switch (request.Method)
        {
            case "PUT" when request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.Ordinal)
                         || request.Headers["x-amz-content-sha256"].ToString().StartsWith("STREAMING-", StringComparison.Ordinal):
                await ErrorAsync(context, 501, "NotImplemented", "aws-chunked uploads are not implemented by this stub.", key);
                break;
            case "PUT":
                using (var body = new MemoryStream())
                {
                    await request.Body.CopyToAsync(body);
                    _objects[key] = (body.ToArray(), request.ContentType ?? "binary/octet-stream");
                    context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(body.ToArray()))}\"";
                }

                break;
            case "GET" or "HEAD" when _objects.TryGetValue(key, out var stored):
                context.Response.ContentType = stored.ContentType;
                context.Response.ContentLength = stored.Body.Length;
                if (request.Method == "GET")
                {
                    await context.Response.Body.WriteAsync(stored.Body);
                }

                break;
            case "GET" or "HEAD":
                await ErrorAsync(context, 404, "NoSuchKey", "The specified key does not exist.", key);
                break;
            case "DELETE":
                _objects.TryRemove(key, out _);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await ErrorAsync(context, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.", key);
                break;
        }
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message, string key)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        var requestId = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        context.Response.Headers["x-amz-request-id"] = requestId;
        if (context.Request.Method != "HEAD")
        {
            await context.Response.WriteAsync(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message>" +
                $"<Key>{SecurityElement.Escape(key)}</Key><RequestId>{requestId}</RequestId><HostId>stub</HostId></Error>");
        }
    }

    public ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;
}

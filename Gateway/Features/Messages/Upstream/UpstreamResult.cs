using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Features.Messages.Upstream;

/// <summary>
/// Relays the provider's response: its status, the headers SDKs read, and its body chunk by chunk,
/// flushing each chunk so server-sent events reach the client as the model produces them.
/// </summary>
internal sealed class UpstreamResult(HttpResponseMessage upstream) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => (int)upstream.StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = upstream;
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = (int)upstream.StatusCode;
        ForwardedHeaders.CopyToClient(upstream, response);
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);

        var relayed = 0L;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            await using var body = await upstream.Content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                relayed += read;
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is no one left to tell.
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            // The status line is gone already; a clean end would pass a truncated answer off as complete.
            var logger = httpContext.RequestServices.GetRequiredService<ILogger<UpstreamResult>>();
            Log.UpstreamStreamBroken(logger, e, relayed);
            httpContext.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

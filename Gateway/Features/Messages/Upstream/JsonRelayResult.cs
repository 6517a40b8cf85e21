namespace Gateway.Features.Messages.Upstream;

/// <summary>
/// Relays a provider answer that is not a stream — a Message, a token count or an error — byte for
/// byte with the headers SDKs read. Its body was read by the attempt, so it goes out in one write with
/// a Content-Length.
/// </summary>
internal sealed class JsonRelayResult(HttpResponseMessage upstream, CallScope? scope) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => (int)upstream.StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = upstream;
        var status = (int)upstream.StatusCode;
        var response = httpContext.Response;
        var succeeded = status is >= 200 and < 300;
        var facts = default(ReplyFacts);
        var body = Array.Empty<byte>();
        var written = false;
        try
        {
            // Already buffered by the attempt: this copies memory, it does not touch the network.
            body = await upstream.Content.ReadAsByteArrayAsync(CancellationToken.None);
            if (succeeded && scope is not null)
            {
                ReplyReader.Read(body, ref facts);
            }

            response.StatusCode = status;
            ForwardedHeaders.CopyToClient(upstream, response);
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
            written = true;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left; the provider answered all the same, so its usage still counts below.
        }
        finally
        {
            if (scope is not null)
            {
                await scope.FinishAsync(facts, End(status, succeeded, written, response.ContentType, body));
            }
        }
    }

    private static CallEnd End(int status, bool succeeded, bool written, string? contentType, byte[] body) => (succeeded, written) switch
    {
        (_, false) => new CallEnd(false, status, Mocked: false, ErrorType: Resilience.UpstreamAttempt.ClientGone),
        (true, true) => new CallEnd(true, status, Mocked: false, ErrorType: null, new CachedReply(status, contentType ?? "application/json", body)),
        (false, true) => new CallEnd(false, status, Mocked: false, ErrorType: Resilience.UpstreamFailures.StatusReason(status)),
    };
}

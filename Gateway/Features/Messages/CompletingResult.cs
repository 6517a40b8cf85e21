namespace Gateway.Features.Messages;

/// <summary>An answer with no usage of its own (a Gateway error, or nothing when the client left) that still finishes its call.</summary>
internal sealed class CompletingResult(IResult? inner, CallScope scope, int statusCode, string errorType) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            if (inner is not null && !httpContext.RequestAborted.IsCancellationRequested)
            {
                await inner.ExecuteAsync(httpContext);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left; the call still finishes below.
        }
        finally
        {
            await scope.FinishAsync(default, new CallEnd(Succeeded: false, statusCode, Mocked: false, errorType));
        }
    }
}

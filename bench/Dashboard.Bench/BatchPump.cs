namespace Dashboard.Bench;

/// <summary>Sends every batch once, from <c>concurrency</c> workers taking the next batch in turn; counts the failed requests.</summary>
internal sealed class BatchPump(OtlpSender sender, IReadOnlyList<ExportBatch> batches, Action<long>? onProgress = null)
{
    private int _next = -1;
    private long _sentSpans;
    private int _failures;
    private string? _firstFailure;

    public int Failures => _failures;

    public string? FirstFailure => _firstFailure;

    public async Task RunAsync(int concurrency, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(cancellationToken), cancellationToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        int index;
        while ((index = Interlocked.Increment(ref _next)) < batches.Count)
        {
            var batch = batches[index];
            if (await TrySendAsync(batch, cancellationToken) is { } failure)
            {
                Interlocked.Increment(ref _failures);
                Interlocked.CompareExchange(ref _firstFailure, failure, null);
            }

            onProgress?.Invoke(Interlocked.Add(ref _sentSpans, batch.SpanCount));
        }
    }

    private async Task<string?> TrySendAsync(ExportBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(batch, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timed out";
        }
    }
}

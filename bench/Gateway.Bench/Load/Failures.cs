namespace Gateway.Bench.Load;

/// <summary>Requests that did not end in a 200, counted from any thread; the first one is kept to be shown.</summary>
internal sealed class Failures
{
    private int _count;
    private string? _first;

    public int Count => _count;

    public string? First => _first;

    public void Add(string what)
    {
        Interlocked.Increment(ref _count);
        Interlocked.CompareExchange(ref _first, what, null);
    }
}

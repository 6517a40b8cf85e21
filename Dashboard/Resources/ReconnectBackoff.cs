namespace Dashboard.Resources;

/// <summary>0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s between attempts; back to the start once connected.</summary>
internal sealed class ReconnectBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(10);
    private int _failures;

    public TimeSpan Next()
    {
        var delay = First * Math.Pow(2, Math.Min(_failures, 10));
        _failures++;
        return delay < Cap ? delay : Cap;
    }

    public void Reset() => _failures = 0;
}

namespace Hosting.Runtime;

/// <summary>Capped exponential backoff between restarts: 1 s, 2 s, 4 s … up to the cap; a long healthy run starts over.</summary>
internal sealed class RestartBackoff(TimeSpan cap)
{
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(60);
    private int _consecutiveFailures;

    public TimeSpan Next(TimeSpan lastRunDuration)
    {
        _consecutiveFailures = lastRunDuration >= StableRun ? 1 : _consecutiveFailures + 1;
        var seconds = Math.Pow(2, Math.Min(_consecutiveFailures - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, cap.TotalSeconds));
    }
}

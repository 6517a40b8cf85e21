using StackExchange.Redis;

namespace Gateway.Features.RateLimiting;

/// <summary>
/// Gives back the unused part of leases that ended with no request to renew them (a key gone quiet), a few times
/// a second so other replicas can use it, and all that is held when the Gateway stops.
/// </summary>
internal sealed partial class LeaseReturns(KeyLeases leases, TimeProvider time, ILogger<LeaseReturns> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>A key unused this long is forgotten, with how much its next lease asks for.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await GiveBackAsync(all: false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: everything still held is given back below.
        }

        await GiveBackAsync(all: true);
    }

    private async Task GiveBackAsync(bool all)
    {
        try
        {
            await leases.GiveBackAsync(all, ForgetAfter);
        }
        catch (RedisException e)
        {
            // What could not be given back stays charged until its second leaves the window: a key may be
            // refused a little early, never admitted past its limit.
            LogGiveBackFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Could not give unused lease units back to Redis")]
    private static partial void LogGiveBackFailed(ILogger logger, Exception exception);
}

using Hosting.Runtime;

namespace Hosting.Tests;

public class RestartBackoffTests
{
    [Fact]
    public void Delays_double_up_to_the_cap()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(30));
        var quick = TimeSpan.FromSeconds(1);

        var delays = Enumerable.Range(0, 7).Select(_ => backoff.Next(quick).TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
    }

    [Fact]
    public void A_long_healthy_run_starts_over()
    {
        var backoff = new RestartBackoff(TimeSpan.FromSeconds(30));
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next(TimeSpan.FromMinutes(5)));
    }
}

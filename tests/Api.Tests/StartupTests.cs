using Api.Tests.Support;
using TestSupport;

namespace Api.Tests;

// The built Api as a real process: configuration and database failures must stop it, say why,
// and exit non-zero so the orchestrator restarts it.
public sealed class StartupTests
{
    private const string Password = "startup-hunter2";

    [Fact]
    public async Task The_Api_refuses_to_start_without_ConnectionStrings_appdb_and_names_the_key()
    {
        var output = await StartExpectingExitAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__appdb"] = null,
            ["ConnectionStrings__cache"] = "127.0.0.1:6379",
        });

        Assert.Contains("ConnectionStrings:appdb is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Api_reports_a_missing_cache_before_trying_the_database()
    {
        var output = await StartExpectingExitAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__appdb"] = UnreachableDatabase(),
            ["ConnectionStrings__cache"] = null,
        });

        Assert.Contains("ConnectionStrings:cache is required", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not apply database migrations", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Api_exits_saying_so_when_the_database_is_unreachable_without_logging_its_password()
    {
        var output = await StartExpectingExitAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings__appdb"] = UnreachableDatabase(),
            ["ConnectionStrings__cache"] = $"127.0.0.1:6379,password={Password}",
        });

        Assert.Contains("Could not apply database migrations to 127.0.0.1:", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
    }

    private static string UnreachableDatabase() =>
        $"Host=127.0.0.1;Port={Ports.Closed()};Database=appdb;Username=postgres;Password={Password}";

    private static async Task<string> StartExpectingExitAsync(Dictionary<string, string?> environment)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var api = await ServiceProcess.StartAsync(new Projects.Api(), environment, cancellationToken: TestContext.Current.CancellationToken);
        });

        Assert.StartsWith("The service exited with code 1:", exception.Message, StringComparison.Ordinal);
        return exception.Message;
    }
}

using System.Net;
using Api.Tests.Support;
using TestSupport;
using static Api.Tests.Features.Files.FileRequests;

namespace Api.Tests.Features.Files;

/// <summary>The limits come from the <c>Files</c> section; this class runs an Api configured with small ones.</summary>
public sealed class FileConfiguredLimitTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async ValueTask InitializeAsync() => _api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?>
    {
        ["Files:FreeMaxFileBytes"] = "1000",
        ["Files:ProMaxFileBytes"] = "1500",
        ["Files:EnterpriseMaxFileBytes"] = "2000",
        ["Files:MaxBatchBytes"] = "4000",
        ["Files:MaxOperationsPerBatch"] = "5",
        ["Files:MaxPathLength"] = "20",
    });

    [Fact]
    public async Task The_configured_per_file_limit_applies()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();

        using var response = await user.Client.BatchAsync(project, Create("a.txt", new string('x', 1001)));

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 1,000 bytes", problem.GetProperty("errors").GetProperty("operations[0].content")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_over_the_operation_cap_is_a_400_on_operations()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();

        using var response = await user.Client.BatchAsync(project, [.. Enumerable.Range(0, 6).Select(i => Create($"f{i}", "x"))]);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 5 operations", problem.GetProperty("errors").GetProperty("operations")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task A_body_over_the_batch_limit_is_a_413_problem_before_it_is_read()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();

        // Five files under the per-file limit, together over the body limit.
        using var response = await user.Client.BatchAsync(project, [.. Enumerable.Range(0, 5).Select(i => Create($"f{i}", new string('x', 900)))]);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task The_configured_path_length_applies()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();

        using var response = await user.Client.BatchAsync(project, Create(new string('a', 21), "x"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("at most 20", problem.GetProperty("errors").GetProperty("operations[0].path")[0].GetString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}

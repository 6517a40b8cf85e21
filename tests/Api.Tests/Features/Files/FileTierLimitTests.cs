using System.Net;
using Api.Tests.Support;
using TestSupport;
using static Api.Tests.Features.Files.FileRequests;

namespace Api.Tests.Features.Files;

public sealed class FileTierLimitTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private ApiFactory _api = null!;

    public async ValueTask InitializeAsync() => _api = await ApiFactory.StartAsync(postgres, redis);

    [Theory]
    [InlineData("Free", 50 * 1024)]
    [InlineData("Pro", 100 * 1024)]
    [InlineData("Enterprise", 500 * 1024)]
    public async Task A_file_of_exactly_the_tiers_limit_is_taken_and_one_byte_more_is_a_413_naming_it(string tier, int limit)
    {
        using var user = await _api.SignUpAsync();
        await SetTierAsync(_api.DatabaseConnectionString, user.Id, tier);
        var project = await user.Client.CreateProjectAsync();

        using var tooBig = await user.Client.BatchAsync(project, Create("small.txt", "x"), Create("big.txt", new string('x', limit + 1)));
        var problem = await ProblemAsync(tooBig, HttpStatusCode.RequestEntityTooLarge);
        await user.Client.AppliedAsync(project, Create("fits.txt", new string('x', limit)));

        var message = problem.GetProperty("errors").GetProperty("operations[1].content")[0].GetString();
        Assert.Contains("'big.txt'", message, StringComparison.Ordinal);
        Assert.Contains($"{tier} tier allows at most {limit:N0} bytes", message, StringComparison.Ordinal);
        Assert.Equal([$"fits.txt@1:{new string('x', limit)}"], await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task Size_is_counted_in_utf8_bytes_not_characters()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();

        // 25,601 characters, 51,202 bytes: under the Free limit by characters, over it by bytes.
        using var response = await user.Client.BatchAsync(project, Create("accents.txt", new string('é', (50 * 1024 / 2) + 1)));

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("51,202 bytes", problem.GetProperty("errors").GetProperty("operations[0].content")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_over_the_limit_leaves_the_file_at_its_old_version()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("a.txt", "small"));

        using var response = await user.Client.BatchAsync(project, Update("a.txt", new string('x', (50 * 1024) + 1), 1));

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["a.txt@1:small"], await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();
}

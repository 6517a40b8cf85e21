using System.Collections.Concurrent;
using System.Net;
using Api.Features.Files;
using Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using TestSupport;
using static Api.Tests.Features.Files.FileRequests;

namespace Api.Tests.Features.Files;

/// <summary>A failure injected after some operations were written rolls every one of them back.</summary>
public sealed class FileBatchFaultTests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private readonly FailingObserver _observer = new();
    private ApiFactory _api = null!;

    public async ValueTask InitializeAsync() =>
        _api = await ApiFactory.StartAsync(postgres, redis, services: s => s.AddSingleton<IFileBatchObserver>(_observer));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_failure_after_an_operation_leaves_nothing_of_the_batch_behind(int failAfter)
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("b.txt", "b1"), Create("c.txt", "c1"));
        var before = await SnapshotAsync(_api.DatabaseConnectionString, project);

        _observer.FailAfter[project] = failAfter;
        using var response = await user.Client.BatchAsync(project, Create("a.txt", "new"), Update("b.txt", "b2", 1), Delete("c.txt", 1), Create("d.txt", "new"));

        await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal(Enumerable.Range(0, failAfter + 1), _observer.Applied[project]);
        Assert.Equal(before, await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    [Fact]
    public async Task After_a_failed_batch_the_same_batch_applies_whole()
    {
        using var user = await _api.SignUpAsync();
        var project = await user.Client.CreateProjectAsync();
        await user.Client.AppliedAsync(project, Create("b.txt", "b1"));
        _observer.FailAfter[project] = 1;
        using var failed = await user.Client.BatchAsync(project, Create("a.txt", "new"), Update("b.txt", "b2", 1));
        _observer.FailAfter.TryRemove(project, out _);

        await user.Client.AppliedAsync(project, Create("a.txt", "new"), Update("b.txt", "b2", 1));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(["a.txt@1:new", "b.txt@2:b2"], await SnapshotAsync(_api.DatabaseConnectionString, project));
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    /// <summary>Records what each project's batch wrote, and throws after the operation at FailAfter[project].</summary>
    private sealed class FailingObserver : IFileBatchObserver
    {
        public ConcurrentDictionary<Guid, int> FailAfter { get; } = new();

        public ConcurrentDictionary<Guid, ConcurrentQueue<int>> Applied { get; } = new();

        public ValueTask OperationAppliedAsync(Guid projectId, FileOperation operation, CancellationToken cancellationToken)
        {
            if (!FailAfter.TryGetValue(projectId, out var failAfter))
            {
                return ValueTask.CompletedTask;
            }

            Applied.GetOrAdd(projectId, _ => new()).Enqueue(operation.Index);
            return operation.Index == failAfter
                ? throw new InvalidOperationException($"Injected failure after operation {failAfter}.")
                : ValueTask.CompletedTask;
        }
    }
}

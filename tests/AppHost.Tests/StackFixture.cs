using Hosting;
using Hosting.Testing;

namespace AppHost.Tests;

/// <summary>The AppHost's own model, started for real (local PostgreSQL and Redis processes) on free ports and a state directory of its own.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    public string StateDirectory { get; } = TestState.NewDirectory();

    public DistributedApplication App { get; private set; } = null!;

    public static DistributedApplication Build(string stateDirectory) =>
        DistributedApplicationTestingBuilder.Build<Projects.AppHost>(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = stateDirectory,
            ["AppHost:ContainerRuntime"] = "none",
            ["Parameters:anthropic-api-key"] = "",
        });

    public async ValueTask InitializeAsync()
    {
        App = Build(StateDirectory);
        await App.StartWithinAsync(TimeSpan.FromMinutes(3));
    }

    public HttpClient CreateClient(string resource) => new() { BaseAddress = App.GetEndpoint(resource), Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        TestState.Remove(StateDirectory);
    }
}

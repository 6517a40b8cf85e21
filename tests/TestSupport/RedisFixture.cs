using Xunit;

namespace TestSupport;

/// <summary>One <see cref="RedisServer"/> for a whole test assembly (<c>[assembly: AssemblyFixture(typeof(RedisFixture))]</c>).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public string ConnectionString => _server!.ConnectionString;

    public async ValueTask InitializeAsync() => _server = await RedisServer.StartAsync();

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}

using System.Net;
using System.Net.Sockets;
using Hosting;
using Hosting.Testing;

namespace TestSupport;

/// <summary>
/// A real <c>redis-server</c>, password-protected, started by the orchestrator's engine on a port that stays the
/// same across <see cref="StopAsync"/> and <see cref="BringUpAsync"/>, so a test can take Redis away and bring it back.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "redis-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly int _port = FreePort();
    private DistributedApplication? _app;

    private RedisServer()
    {
    }

    /// <summary>StackExchange.Redis's connection string, as the AppHost hands it out, plus a short connect timeout.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Starts a server; with <paramref name="up"/> false it is started once (to generate its password) and stopped.</summary>
    public static async Task<RedisServer> StartAsync(bool up = true, CancellationToken cancellationToken = default)
    {
        var server = new RedisServer();
        await server.BringUpAsync(cancellationToken);
        server.ConnectionString = server._app!.GetConnectionString("cache") + ",abortConnect=false,connectTimeout=2000";
        if (!up)
        {
            await server.StopAsync();
        }

        return server;
    }

    public async Task BringUpAsync(CancellationToken cancellationToken = default)
    {
        var builder = DistributedApplicationTestingBuilder.Create(new Dictionary<string, string?>
        {
            ["AppHost:StateDirectory"] = _stateDirectory,
            ["AppHost:ContainerRuntime"] = "none",
            ["AppHost:UseDynamicPorts"] = "false",
        });
        builder.AddRedis("cache", _port);
        _app = builder.Build();
        await _app.StartWithinAsync(TimeSpan.FromMinutes(1), cancellationToken);
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            _app = null;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }
}

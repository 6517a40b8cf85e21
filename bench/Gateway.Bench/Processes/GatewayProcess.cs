using System.Security.Cryptography;
using TestSupport;

namespace Gateway.Bench.Processes;

/// <summary>
/// The gateway's Release build as its own process (<c>dotnet Gateway.dll</c>), in Production with its production
/// defaults: a real redis-server, an admin key, and (when the build has them) a client key for every request.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private readonly RedisServer _redis;
    private readonly ServiceProcess _service;

    private GatewayProcess(RedisServer redis, ServiceProcess service, string adminKey, IReadOnlyDictionary<string, string> extra)
    {
        _redis = redis;
        _service = service;
        AdminKey = adminKey;
        ExtraEnvironment = extra;
    }

    public Uri BaseAddress => _service.BaseAddress;

    public int Pid => _service.ProcessId;

    public string AdminKey { get; }

    /// <summary>The <c>--gateway-env</c> settings it was started with.</summary>
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; }

    public static string AssemblyPath => new Projects.Gateway().TargetPath;

    public static async Task<GatewayProcess> StartAsync(Uri upstream, IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        try
        {
            var adminKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var environment = Environment(redis, upstream, adminKey);
            foreach (var (key, value) in extra)
            {
                environment[key] = value;
            }

            var service = await ServiceProcess.StartAsync(new Projects.Gateway(), environment, cancellationToken: cancellationToken);
            return new GatewayProcess(redis, service, adminKey, extra);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private static Dictionary<string, string?> Environment(RedisServer redis, Uri upstream, string adminKey) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__cache"] = redis.ConnectionString,
        ["Anthropic__BaseUrl"] = upstream.ToString(),
        ["Anthropic__ApiKey"] = "sk-ant-bench-fake-provider-key-0123456789",
        ["Admin__ApiKey"] = adminKey,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        // Telemetry as a production deployment without a collector has it: OTLP export off.
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
    };
}

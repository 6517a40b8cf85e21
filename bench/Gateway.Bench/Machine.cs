using System.Text.Json;
using Gateway.Bench.Processes;

namespace Gateway.Bench;

/// <summary>What the figures depend on besides the code: the machine, and the gateway's runtime settings.</summary>
internal static class Machine
{
    private static readonly string[] RuntimeVariablePrefixes = ["gc", "Tiered", "TC_", "ReadyToRun", "Thread"];

    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim();
        var kernel = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        return $"nproc {Environment.ProcessorCount}, {model ?? "unknown CPU"}, {memory} RAM, Linux {kernel}, .NET {Environment.Version}";
    }

    /// <summary>
    /// The GC and JIT settings the gateway runs with: its runtimeconfig.json (from Gateway.csproj and the Web SDK's
    /// defaults), then any DOTNET_ variable it was started with, which wins.
    /// </summary>
    public static IReadOnlyList<string> GatewayRuntimeSettings(GatewayProcess gateway)
    {
        var path = Path.ChangeExtension(GatewayProcess.AssemblyPath, ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var p)
            ? p.EnumerateObject().Where(IsRuntimeSetting).Select(e => $"{e.Name}={e.Value}")
            : [];
        var inherited = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => IsRuntimeVariable(k) && !gateway.ExtraEnvironment.ContainsKey(k))
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)} (inherited)");
        var extra = gateway.ExtraEnvironment.Select(e => $"{e.Key}={e.Value} (--gateway-env)");
        return [.. properties, .. inherited, .. extra];
    }

    private static bool IsRuntimeVariable(string name) =>
        name.StartsWith("DOTNET_", StringComparison.Ordinal)
        && RuntimeVariablePrefixes.Any(prefix => name.AsSpan(7).StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static bool IsRuntimeSetting(JsonProperty property) =>
        property.Name.StartsWith("System.GC.", StringComparison.Ordinal)
        || property.Name.StartsWith("System.Runtime.", StringComparison.Ordinal)
        || property.Name.StartsWith("System.Threading.", StringComparison.Ordinal);
}

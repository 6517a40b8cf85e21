using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gateway.Bench;

/// <summary>The command line; every duration in seconds.</summary>
internal sealed record BenchOptions(
    int Rate, int LatencySeconds, int ThroughputSeconds, int WarmupSeconds, int Connections, int Threads, int StreamRequests, int QuietWaitSeconds,
    IReadOnlyDictionary<string, string> GatewayEnvironment, string CommandLine)
{
    private const string Usage = """
        Usage: dotnet run -c Release --project bench/Gateway.Bench [-- options]
          --rate N                 open-loop requests/s for the latency test (default 1000)
          --latency-seconds N      timed seconds of the latency test, per target (default 20)
          --throughput-seconds N   timed seconds of each wrk run (default 15)
          --warmup-seconds N       untimed seconds before each latency and wrk run (default 5)
          --connections N          wrk connections (default 32)
          --threads N              wrk threads (default 2)
          --stream-requests N      sequential "stream":true requests per target (default 500)
          --quiet-wait-seconds N   wait at most this long before each timed window for other processes to leave the cores
                                   alone (default 90; 0: do not wait)
          --gateway-env KEY=VALUE  extra environment for the gateway only, repeatable (e.g. DOTNET_gcServer=0)
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchOptions? options, out string usage)
    {
        options = null;
        usage = Usage;
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["rate"] = 1000,
            ["latency-seconds"] = 20,
            ["throughput-seconds"] = 15,
            ["warmup-seconds"] = 5,
            ["connections"] = 32,
            ["threads"] = 2,
            ["stream-requests"] = 500,
            ["quiet-wait-seconds"] = 90,
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (i + 1 >= args.Length)
            {
                return false;
            }

            if (name == "gateway-env" && args[i + 1].Split('=', 2) is [{ Length: > 0 } key, var value])
            {
                environment[key] = value;
                continue;
            }

            if (!values.ContainsKey(name)
                || !int.TryParse(args[i + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
                || number < (name == "quiet-wait-seconds" ? 0 : 1))
            {
                return false;
            }

            values[name] = number;
        }

        options = new BenchOptions(values["rate"], values["latency-seconds"], values["throughput-seconds"], values["warmup-seconds"],
            values["connections"], values["threads"], values["stream-requests"], values["quiet-wait-seconds"], environment,
            "dotnet run -c Release --project bench/Gateway.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : ""));
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dashboard.Bench;

/// <summary>The command line: <c>--spans 1000000 --batch 512 --concurrency 4 --cap 100000 --warmup 10240</c>.</summary>
internal sealed record BenchOptions(int Spans, int Batch, int Concurrency, int Cap, int Warmup)
{
    public const int SpansPerTrace = 8;

    private const string Usage = """
        Usage: dotnet run -c Release --project bench/Dashboard.Bench [-- options]
          --spans N        spans in the timed flood, per protocol (default 1,000,000)
          --batch N        spans per export request, a multiple of 8 (default 512)
          --concurrency N  requests in flight (default 4)
          --cap N          the dashboard's Dashboard:TelemetryLimits:MaxSpanCount (default 100,000, its own default)
          --warmup N       untimed spans sent first (default 10,240)
        """;

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchOptions? options, out string usage)
    {
        options = null;
        usage = Usage;
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["spans"] = 1_000_000,
            ["batch"] = 512,
            ["concurrency"] = 4,
            ["cap"] = 100_000,
            ["warmup"] = 10_240,
        };

        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!values.ContainsKey(name) || i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                return false;
            }

            values[name] = value;
        }

        options = new BenchOptions(values["spans"], values["batch"], values["concurrency"], values["cap"], values["warmup"]);
        var valid = options.Spans > 0 && options.Concurrency > 0 && options.Cap > 0 && options.Batch > 0 && options.Batch % SpansPerTrace == 0;
        options = valid ? options : null;
        return valid;
    }
}

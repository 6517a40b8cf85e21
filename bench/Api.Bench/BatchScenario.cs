using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Api.Bench;

/// <summary>
/// File batch apply throughput: workers each own a project of <c>--operations</c> files and send, back to back, a
/// batch that updates every one of them at its expected version (the shape of an assistant applying its edits).
/// One project per worker, because batches on one project apply one after another by design (a row lock).
/// </summary>
internal static class BatchScenario
{
    private const string Usage = """
        batch options:
          --operations N        operations per batch (default 10)
          --file-bytes N        bytes of content per file (default 1024)
          --concurrency A,B,..  batches in flight, one row each (default 1,4,16)
          --seconds N           timed seconds per row (default 10)
          --warmup-seconds N    untimed seconds before each row (default 3)
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var options))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        await using var stack = await ApiStack.StartAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var concurrency in options.Concurrency)
        {
            rows.Add(await MeasureAsync(stack, options, concurrency, cancellationToken));
        }

        Print(options, rows);
        return rows.All(r => r.Failures == 0) ? 0 : 1;
    }

    private static async Task<Row> MeasureAsync(ApiStack stack, Options options, int concurrency, CancellationToken cancellationToken)
    {
        using var client = await stack.SignUpAsync(concurrency, cancellationToken);
        var workers = new Worker[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            workers[i] = await Worker.StartAsync(client, options, cancellationToken);
        }

        await Task.WhenAll(workers.Select(w => w.RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken)));
        var clock = Stopwatch.StartNew();
        var timed = await Task.WhenAll(workers.Select(w => w.RunAsync(TimeSpan.FromSeconds(options.Seconds), cancellationToken)));
        var elapsed = clock.Elapsed.TotalSeconds;
        var latencies = timed.SelectMany(t => t.Latencies).Order().ToArray();
        return new Row(concurrency, latencies.Length, latencies.Length / elapsed, latencies.Length * options.Operations / elapsed,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), timed.Sum(t => t.Failures));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];

    private static void Print(Options options, List<Row> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"Api.Bench batch: {options.Operations} updates a batch, {options.FileBytes:N0} bytes a file, {options.Seconds} s a row; nproc {Environment.ProcessorCount}");
        Console.WriteLine("| Concurrency | Batches | Batches/s | Operations/s | p50 ms | p99 ms | Failures |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Concurrency} | {r.Batches:N0} | {r.BatchesPerSecond:N0} | {r.OperationsPerSecond:N0} | {r.P50:N1} | {r.P99:N1} | {r.Failures} |"));
        }

        Console.WriteLine(rows.All(r => r.Failures == 0) ? "PASSED: every batch answered 200." : "FAILED: some batches did not answer 200.");
    }

    private static bool TryParse(string[] args, out Options options)
    {
        options = new Options(10, 1024, [1, 4, 16], 10, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--operations" => options with { Operations = int.Parse(value, CultureInfo.InvariantCulture) },
                "--file-bytes" => options with { FileBytes = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--seconds" => options with { Seconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup-seconds" => options with { WarmupSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => null!,
            };
            if (options is null)
            {
                return false;
            }
        }

        return args.Length % 2 == 0 && options.Operations > 0 && options.FileBytes >= 0 && options.Concurrency.All(c => c > 0) && options.Seconds > 0;
    }

    private sealed record Options(int Operations, int FileBytes, int[] Concurrency, int Seconds, int WarmupSeconds);

    private sealed record Row(int Concurrency, int Batches, double BatchesPerSecond, double OperationsPerSecond, double P50, double P99, int Failures);

    private sealed record Timed(List<double> Latencies, int Failures);

    /// <summary>One project's files, all at <see cref="_version"/>: each batch updates every file to the next version.</summary>
    private sealed class Worker(HttpClient client, Guid project, Options options)
    {
        private readonly string _padding = new('x', options.FileBytes);
        private long _version = 1;

        public static async Task<Worker> StartAsync(HttpClient client, Options options, CancellationToken cancellationToken)
        {
            using var created = await client.PostAsJsonAsync("/api/projects", new { name = "bench" }, cancellationToken);
            var project = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IdOnly>(cancellationToken))!.Id;
            var worker = new Worker(client, project, options);
            var operations = Enumerable.Range(0, options.Operations).Select(i => new { op = "create", path = $"src/file{i}.ts", content = worker._padding });
            (await client.PostAsJsonAsync($"/api/projects/{project}/files/batch", new { operations }, cancellationToken)).EnsureSuccessStatusCode();
            return worker;
        }

        public async Task<Timed> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
        {
            var latencies = new List<double>();
            var failures = 0;
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < duration)
            {
                var operations = Enumerable.Range(0, options.Operations)
                    .Select(i => new { op = "update", path = $"src/file{i}.ts", content = $"// v{_version + 1}\n{_padding}", expectedVersion = _version });
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync($"/api/projects/{project}/files/batch", new { operations }, cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _version++;
                }
                else
                {
                    failures++;
                }
            }

            return new Timed(latencies, failures);
        }
    }

    private sealed record IdOnly(Guid Id);
}

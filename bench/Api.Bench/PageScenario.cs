using System.Globalization;
using Gateway.Bench.Load;
using Gateway.Bench.Processes;
using Npgsql;
using Spectre.Console;

namespace Api.Bench;

/// <summary>
/// p50/p95/p99 of one 50-message page of <c>GET /api/projects/{id}/messages</c>, authenticated as a client, with
/// <c>--messages</c> in one project (1,000,000 by default) among others': the newest page, and pages at random
/// cursors anywhere in the conversation. Passes when every p99 is at most <see cref="TargetP99Milliseconds"/>.
/// </summary>
internal static class PageScenario
{
    public const double TargetP99Milliseconds = 5.0;
    private const int PageSize = 50;
    private const int OtherProjects = 4;

    // Long enough for tiered compilation to settle: after 500 requests a profile (perf) still found a quarter of the
    // Api's CPU in the JIT, which put milliseconds of compiling on the measured requests.
    private const int WarmupRequests = 6000;

    public static async Task<bool> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        AnsiConsole.MarkupLine("[bold]page[/]: starting PostgreSQL, Redis and the Api (Release) ...");
        await using var stack = await ApiStack.StartAsync(cancellationToken);
        var big = await stack.CreateProjectAsync("big", cancellationToken);
        var others = new List<Guid>();
        for (var i = 0; i < OtherProjects; i++)
        {
            others.Add(await stack.CreateProjectAsync($"other {i}", cancellationToken));
        }

        AnsiConsole.MarkupLine($"Seeding {options.Messages:N0} messages in one project, one in six rows in {OtherProjects} others ...");
        var seeded = await MessageSeeder.SeedAsync(stack.DatabaseConnectionString, big, others, options.Messages, cancellationToken);
        AnsiConsole.MarkupLine($"Seeded {seeded.Rows:N0} rows in {seeded.Took.TotalSeconds:F1} s (COPY binary, then VACUUM ANALYZE); {await TableSizeAsync(stack, cancellationToken)}.");
        await PrintPlanAsync(stack, big, seeded.BigProjectIds[options.Messages / 2], cancellationToken);

        var ids = seeded.BigProjectIds;
        var random = new Random(7);
        var newest = new PageSampler.Request($"/api/projects/{big}/messages?limit={PageSize}", ids[^1]);
        PageSampler.Request Deep(int _)
        {
            var at = random.Next(PageSize, ids.Length);
            return new($"/api/projects/{big}/messages?limit={PageSize}&cursor={PageSampler.Cursor(ids[at])}", ids[at - 1]);
        }

        var wait = TimeSpan.FromSeconds(options.QuietWaitSeconds);
        var results = new List<(string Kind, Percentiles Latency, double Others, double ApiCpuMicroseconds)>();
        // The baseline is the cheapest authenticated request (the session lookup, no page): the floor this machine sets.
        var baseline = new PageSampler.Request("/api/accounts/me", null, IsPage: false);
        var kinds = new (string, Func<int, PageSampler.Request>)[]
        {
            ("baseline: GET /api/accounts/me", _ => baseline), ("newest page", _ => newest), ("deep pages (random cursor)", Deep),
        };
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        AnsiConsole.MarkupLine($"Warming up with {WarmupRequests:N0} requests, then {options.Samples:N0} sequential requests per kind on one connection (load average {load}) ...");
        await PageSampler.MeasureAsync(stack.Client, i => kinds[i % kinds.Length].Item2(i) with { IsPage = false }, WarmupRequests, PageSize, cancellationToken);
        foreach (var (kind, request) in kinds)
        {
            var apiCpu = TimeSpan.Zero;
            var (samples, othersCpu) = await QuietWindow.RunAsync(
                async () =>
                {
                    var before = ProcFs.CpuTime(stack.Api.ProcessId);
                    var timed = await PageSampler.MeasureAsync(stack.Client, request, options.Samples, PageSize, cancellationToken);
                    apiCpu = ProcFs.CpuTime(stack.Api.ProcessId) - before;
                    return timed;
                },
                wait,
                cancellationToken);
            results.Add((kind, new Percentiles(samples), othersCpu, apiCpu.TotalMicroseconds / options.Samples));
        }

        return Report(results, options.Messages, File.ReadAllText("/proc/loadavg").Split(' ')[0]);
    }

    private static bool Report(List<(string Kind, Percentiles Latency, double Others, double ApiCpuMicroseconds)> results, int messages, string load)
    {
        var table = new Table().AddColumns("Page of 50", "Samples", "p50 ms", "p95 ms", "p99 ms", "max ms", "Api CPU µs/req", "others' CPU", $"p99 ≤ {TargetP99Milliseconds} ms");
        var passed = true;
        foreach (var (kind, latency, others, apiCpu) in results)
        {
            var isPage = !kind.StartsWith("baseline", StringComparison.Ordinal);
            var ok = latency.At(0.99) <= TargetP99Milliseconds;
            passed &= ok || !isPage;
            table.AddRow(kind, latency.Count.ToString("N0", CultureInfo.InvariantCulture), Ms(latency.At(0.50)), Ms(latency.At(0.95)),
                Ms(latency.At(0.99)), Ms(latency.Max), apiCpu.ToString("F0", CultureInfo.InvariantCulture), others.ToString("P0", CultureInfo.InvariantCulture), !isPage ? "-" : ok ? "[green]PASS[/]" : "[red]FAIL[/]");
        }

        table.Caption($"{messages:N0} messages in the project; load average after: {load}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(passed ? "[green]page: PASS[/]" : "[red]page: FAIL[/]");
        return passed;
    }

    private static string Ms(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static async Task<string> TableSizeAsync(ApiStack stack, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(stack.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT 'table ' || pg_size_pretty(pg_table_size('messages')) || ', indexes ' || pg_size_pretty(pg_indexes_size('messages'))", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // The page query's shape, to show the plan is the (project_id, id) key read backwards from the cursor.
    private static async Task PrintPlanAsync(ApiStack stack, Guid project, Guid cursor, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(stack.DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM messages WHERE project_id = $1 AND id < $2 ORDER BY id DESC LIMIT 51", connection)
        {
            Parameters = { new() { Value = project }, new() { Value = cursor } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            AnsiConsole.WriteLine("  " + reader.GetString(0));
        }
    }
}

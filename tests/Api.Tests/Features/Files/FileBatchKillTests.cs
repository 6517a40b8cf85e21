using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Support;
using Npgsql;
using TestSupport;
using static Api.Tests.Features.Files.FileRequests;

namespace Api.Tests.Features.Files;

/// <summary>
/// The built Api as a real process, SIGKILLed while many batches are in flight: after a restart every batch is
/// either all there or not there at all, and every batch the Api answered 200 to is all there.
/// </summary>
public sealed class FileBatchKillTests(PostgresServer postgres, RedisFixture redis)
{
    private const int Workers = 16;
    private const int FilesPerBatch = 8;
    private const int AcknowledgedBeforeKill = 60;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Batches_in_flight_when_the_process_is_killed_are_all_or_nothing_after_a_restart()
    {
        var environment = new Dictionary<string, string?>
        {
            // Fewer connections than workers: the test shares PostgreSQL's 100 with every other test class.
            ["ConnectionStrings__appdb"] = await postgres.CreateDatabaseAsync("files_kill", Cancellation) + ";Maximum Pool Size=10",
            ["ConnectionStrings__cache"] = redis.ConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var first = await ServiceProcess.StartAsync(new global::Projects.Api(), environment, cancellationToken: Cancellation);
        var token = await SignUpAsync(first);
        using var owner = Client(first, token);
        var projects = new Guid[4];
        for (var i = 0; i < projects.Length; i++)
        {
            projects[i] = await owner.CreateProjectAsync($"kill {i}");
        }

        var run = new BatchRun();
        var workers = Enumerable.Range(0, Workers).Select(_ => run.WorkAsync(Client(first, token), projects)).ToArray();
        await run.WaitForAcknowledgedAsync(AcknowledgedBeforeKill, workers);
        Process.GetProcessById(first.ProcessId).Kill();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        await first.DisposeAsync();

        await using var second = await ServiceProcess.StartAsync(new global::Projects.Api(), environment, cancellationToken: Cancellation);
        using var after = Client(second, token);
        var batches = await BatchesInTableAsync(environment["ConnectionStrings__appdb"]!);

        Assert.Empty(run.Refused);
        Assert.NotEmpty(run.Interrupted);
        Assert.All(batches, b => Assert.True(b.Value == FilesPerBatch, $"batch {b.Key} has {b.Value} of {FilesPerBatch} files"));
        Assert.All(run.Acknowledged, k => Assert.True(batches.ContainsKey(k), $"batch {k} was answered 200 but is missing"));
        var sample = run.Acknowledged.First();
        var file = await after.GetFromJsonAsync<JsonElement>($"/api/projects/{projects[sample % projects.Length]}/files/b{sample}/f0.txt", Cancellation);
        Assert.StartsWith($"batch {sample} ", file.GetProperty("content").GetString(), StringComparison.Ordinal);
        await using var pooled = new NpgsqlConnection(environment["ConnectionStrings__appdb"]);
        NpgsqlConnection.ClearPool(pooled);
    }

    /// <summary>Files per batch number, read from the table: batch k wrote b{k}/f0.txt … and each file says "batch k".</summary>
    private static async Task<Dictionary<int, int>> BatchesInTableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(
            "SELECT split_part(path, '/', 1), count(*), count(DISTINCT split_part(content, ' ', 2)) FROM project_files GROUP BY 1", connection);
        var batches = new Dictionary<int, int>();
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            Assert.Equal(1, reader.GetInt64(2));
            batches[int.Parse(reader.GetString(0)[1..], System.Globalization.CultureInfo.InvariantCulture)] = (int)reader.GetInt64(1);
        }

        return batches;
    }

    private static async Task<string> SignUpAsync(ServiceProcess api)
    {
        using var anonymous = api.CreateClient();
        var credentials = new { email = TestUsers.NewEmail("kill"), password = TestUsers.Password };
        using (var registered = await anonymous.PostAsJsonAsync("/api/accounts/register", credentials, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        using var login = await anonymous.PostAsJsonAsync("/api/accounts/login", credentials, Cancellation);
        return (await login.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("token").GetString()!;
    }

    private static HttpClient Client(ServiceProcess api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class BatchRun
    {
        private int _next;

        public ConcurrentBag<int> Acknowledged { get; } = [];

        /// <summary>Batches whose request failed without an answer: the process died under them.</summary>
        public ConcurrentBag<int> Interrupted { get; } = [];

        public ConcurrentBag<string> Refused { get; } = [];

        /// <summary>Sends batch after batch until the connection fails.</summary>
        public async Task WorkAsync(HttpClient client, Guid[] projects)
        {
            using var _ = client;
            while (true)
            {
                var k = Interlocked.Increment(ref _next);
                var operations = Enumerable.Range(0, FilesPerBatch)
                    .Select(i => Create($"b{k}/f{i}.txt", $"batch {k} file {i} " + new string('x', 2048))).ToArray();
                try
                {
                    using var response = await client.BatchAsync(projects[k % projects.Length], operations);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Refused.Add($"batch {k}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
                        return;
                    }

                    Acknowledged.Add(k);
                }
                catch (HttpRequestException)
                {
                    Interrupted.Add(k);
                    return;
                }
            }
        }

        public async Task WaitForAcknowledgedAsync(int count, Task[] workers)
        {
            var deadline = Stopwatch.StartNew();
            while (Acknowledged.Count < count)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"only {Acknowledged.Count} batches applied in 90 s");
                Assert.DoesNotContain(workers, w => w.IsCompleted);
                await Task.Delay(10, Cancellation);
            }
        }
    }
}

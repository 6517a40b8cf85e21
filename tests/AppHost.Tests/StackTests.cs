using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hosting;
using TestSupport;

namespace AppHost.Tests;

public class StackTests(StackFixture stack) : IClassFixture<StackFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_resource_is_healthy()
    {
        var names = stack.App.ResourceNotifications.Current.Select(s => s.Name).Order();
        Assert.Equal(["anthropic-api-key", "api", "appdb", "cache", "dashboard", "gateway", "gateway-admin-key", "gateway-client-key", "postgres"], names);
        foreach (var service in new[] { "api", "gateway", "dashboard" })
        {
            using var client = stack.CreateClient(service);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Cancellation)).StatusCode);
        }

        Assert.All(stack.App.ResourceNotifications.Current, s => Assert.Equal(ResourceStateKind.Running, s.State));
    }

    [Fact]
    public void Every_service_sends_its_telemetry_to_the_dashboard_with_the_runs_key()
    {
        var dashboard = stack.App.GetEnvironment("dashboard");
        var key = dashboard["Dashboard__Otlp__PrimaryApiKey"];
        Assert.Equal(32, key.Length);
        Assert.False(dashboard.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"), "the dashboard must not export to itself");
        Assert.Equal(Path.Combine(stack.StateDirectory, "data", "dashboard"), dashboard["Dashboard__Storage__Directory"]);
        Assert.StartsWith(stack.App.GetEndpoint("dashboard").ToString().TrimEnd('/'), stack.App.DashboardLoginUrl!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("t=" + dashboard["Dashboard__Frontend__BrowserToken"], stack.App.DashboardLoginUrl.ToString(), StringComparison.Ordinal);
        foreach (var service in new[] { "api", "gateway" })
        {
            var environment = stack.App.GetEnvironment(service);
            Assert.Equal(dashboard["Dashboard__Otlp__GrpcEndpointUrl"], environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("grpc", environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
            Assert.Equal($"x-otlp-api-key={key}", environment["OTEL_EXPORTER_OTLP_HEADERS"]);
            Assert.DoesNotContain(environment.Keys, k => k.StartsWith("Dashboard__", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_api_and_the_gateway_share_a_generated_client_key_kept_in_the_state_directory()
    {
        var api = stack.App.GetEnvironment("api");
        var gateway = stack.App.GetEnvironment("gateway");

        var key = api["Gateway__ApiKey"];
        Assert.Equal(32, key.Length);
        Assert.Equal(key, gateway["ClientKeys__Preset__api__Key"]);
        Assert.Equal(key, File.ReadAllText(Path.Combine(stack.StateDirectory, "secrets", "parameter-gateway-client-key")));
        Assert.Equal(32, gateway["Admin__ApiKey"].Length);
        Assert.NotEqual(key, gateway["Admin__ApiKey"]);
        Assert.False(api.ContainsKey("Admin__ApiKey"), "only the gateway holds its admin key");
    }

    [Fact]
    public async Task The_api_sees_its_connection_strings_and_the_gateway_url()
    {
        using var client = stack.CreateClient("api");

        var wiring = await client.GetFromJsonAsync<JsonElement>("/api/diagnostics/wiring", Cancellation);

        var appdb = wiring.GetProperty("connectionStrings").GetProperty("appdb");
        Assert.Equal("appdb", appdb.GetProperty("database").GetString());
        Assert.Equal("127.0.0.1", appdb.GetProperty("host").GetString());
        var expected = new Npgsql.NpgsqlConnectionStringBuilder(stack.App.GetConnectionString("appdb"));
        Assert.Equal(expected.Port, appdb.GetProperty("port").GetInt32());
        Assert.Contains(
            stack.App.GetConnectionString("cache").Split(',')[0],
            wiring.GetProperty("connectionStrings").GetProperty("cache").GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(stack.App.GetEndpoint("gateway").ToString().TrimEnd('/'), wiring.GetProperty("services").GetProperty("gateway").GetString()!.TrimEnd('/'));
        Assert.Equal("api", wiring.GetProperty("serviceName").GetString());
        Assert.DoesNotContain(expected.Password!, wiring.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_service_gets_only_its_own_wiring()
    {
        var api = stack.App.GetEnvironment("api");
        var gateway = stack.App.GetEnvironment("gateway");

        Assert.Equal(stack.App.GetConnectionString("appdb"), api["ConnectionStrings__appdb"]);
        Assert.Equal(stack.App.GetConnectionString("cache"), api["ConnectionStrings__cache"]);
        Assert.Equal(stack.App.GetEndpoint("gateway").ToString().TrimEnd('/'), api["services__gateway__http__0"]);
        Assert.Equal(stack.App.GetEndpoint("api").ToString().TrimEnd('/'), api["ASPNETCORE_URLS"]);
        Assert.Equal("Development", api["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("api", api["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("service.instance.id=api-", api["OTEL_RESOURCE_ATTRIBUTES"], StringComparison.Ordinal);
        Assert.False(gateway.ContainsKey("ConnectionStrings__appdb"));
        Assert.Equal(stack.App.GetConnectionString("cache"), gateway["ConnectionStrings__cache"]);
        Assert.DoesNotContain(api.Keys, k => k.StartsWith("Anthropic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_reaches_the_gateway_mock_through_service_discovery()
    {
        using var client = stack.CreateClient("api");
        await ApiAccounts.SignInAsync(client, Cancellation);

        using var response = await client.PostAsJsonAsync("/api/assistant/ask", new { prompt = "Say hello to the stack" }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("text").GetString()));
        Assert.True(answer.GetProperty("outputTokens").GetInt32() > 0);
    }

    [Fact]
    public async Task The_gateway_mock_answers_in_anthropics_shape_json_and_sse()
    {
        using var client = stack.CreateClient("gateway");
        var request = new { model = "claude-sonnet-4-5", max_tokens = 64, messages = new[] { new { role = "user", content = "Hi" } } };
        using (var keyless = await client.PostAsJsonAsync("/v1/messages", request, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
        }

        // The key the AppHost generated for the Api.
        client.DefaultRequestHeaders.Add("x-api-key", stack.App.GetEnvironment("api")["Gateway__ApiKey"]);

        using var json = await client.PostAsJsonAsync("/v1/messages", request, Cancellation);
        var message = await json.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("message", message.GetProperty("type").GetString());
        Assert.Equal("assistant", message.GetProperty("role").GetString());
        Assert.Equal("text", message.GetProperty("content")[0].GetProperty("type").GetString());

        using var sse = await client.PostAsJsonAsync("/v1/messages", new { request.model, request.max_tokens, request.messages, stream = true }, Cancellation);
        Assert.Equal("text/event-stream", sse.Content.Headers.ContentType?.MediaType);
        var events = (await sse.Content.ReadAsStringAsync(Cancellation))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Select(lines => (Event: lines[0]["event: ".Length..], Data: JsonDocument.Parse(lines[1]["data: ".Length..]).RootElement))
            .ToList();
        Assert.Equal("message_start", events[0].Event);
        Assert.Equal("message_stop", events[^1].Event);
        Assert.All(events, e => Assert.Equal(e.Event, e.Data.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task No_generated_password_appears_in_any_output()
    {
        using (var client = stack.CreateClient("api"))
        {
            await client.GetAsync("/api/diagnostics/wiring", Cancellation);
        }

        var secrets = Directory.GetFiles(Path.Combine(stack.StateDirectory, "secrets"), "*-password").Select(File.ReadAllText).ToList();
        Assert.Equal(2, secrets.Count);
        var lines = stack.App.ResourceLogs.Values.SelectMany(log => log.Snapshot()).ToList();
        Assert.Contains(lines, line => line.Text.Contains("database system is ready to accept connections", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => secrets.Any(secret => line.Text.Contains(secret, StringComparison.Ordinal)));

        foreach (var file in Directory.GetFiles(Path.Combine(stack.StateDirectory, "logs")))
        {
            var text = await File.ReadAllTextAsync(file, Cancellation);
            Assert.DoesNotContain(secrets, secret => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_killed_gateway_comes_back()
    {
        var before = stack.App.ResourceNotifications.Get("gateway");

        System.Diagnostics.Process.GetProcessById(before.ProcessId!.Value).Kill(); // SIGKILL

        var after = await stack.App.ResourceNotifications
            .WaitForAsync("gateway", s => s.State == ResourceStateKind.Running && s.Restarts > before.Restarts, Cancellation)
            .WaitAsync(TimeSpan.FromSeconds(60), Cancellation);
        Assert.NotEqual(before.ProcessId, after.ProcessId);
        using var client = stack.CreateClient("gateway");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Cancellation)).StatusCode);
    }
}

using Hosting.Runtime;

namespace Hosting.Tests;

public class WiringTests : IDisposable
{
    private readonly TempStateDirectory _temp = new();

    [Fact]
    public void A_project_receives_aspire_named_wiring_and_only_its_own_secrets()
    {
        var postgres = new PostgresServerResource("postgres");
        var appdb = new PostgresDatabaseResource("appdb", "appdb", postgres);
        var cache = new RedisResource("cache");
        var key = new ParameterResource("anthropic-api-key", secret: true, optional: false) { Value = "sk-secret" };
        var gateway = new ProjectResource("gateway", new FakeProject()) { Http = new HttpEndpoint(5090) };
        gateway.References.Add(cache);
        gateway.References.Add(key);
        gateway.Environment["Anthropic__ApiKey"] = () => key.Value;
        var api = new ProjectResource("api", new FakeProject()) { Http = new HttpEndpoint(5080) };
        api.References.AddRange([appdb, cache, gateway]);
        var options = new AppHostOptions { OtlpEndpoint = "http://localhost:4317", OtlpHeaders = "x-otlp-api-key=k" };
        var ports = new Dictionary<Resource, int> { [postgres] = 15432, [cache] = 16379, [gateway] = 5090, [api] = 5080 };
        var context = new RunContext(options, StateDirectory.Open(_temp.Path), ports);

        var apiEnvironment = context.ServiceEnvironment(api, "api-1");
        var gatewayEnvironment = context.ServiceEnvironment(gateway, "gateway-1");

        var postgresPassword = context.PasswordOf(postgres);
        Assert.Equal($"Host=127.0.0.1;Port=15432;Username=postgres;Password={postgresPassword};Database=appdb", apiEnvironment["ConnectionStrings__appdb"]);
        Assert.Equal($"127.0.0.1:16379,password={context.PasswordOf(cache)}", apiEnvironment["ConnectionStrings__cache"]);
        Assert.Equal("http://localhost:5090", apiEnvironment["services__gateway__http__0"]);
        Assert.Equal("api", apiEnvironment["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=api-1", apiEnvironment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("http://localhost:4317", apiEnvironment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", apiEnvironment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=k", apiEnvironment["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.DoesNotContain(apiEnvironment.Values, v => v.Contains("sk-secret", StringComparison.Ordinal));
        Assert.Equal("sk-secret", gatewayEnvironment["Anthropic__ApiKey"]);
        Assert.False(gatewayEnvironment.ContainsKey("ConnectionStrings__appdb"));
    }

    [Fact]
    public void Without_an_otlp_endpoint_no_exporter_settings_are_passed()
    {
        var api = new ProjectResource("api", new FakeProject()) { Http = new HttpEndpoint(5080) };
        var context = new RunContext(new AppHostOptions(), StateDirectory.Open(_temp.Path), new Dictionary<Resource, int> { [api] = 5080 });

        var environment = context.ServiceEnvironment(api, "api-1");

        Assert.False(environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Equal("api", environment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void The_apphosts_own_wiring_does_not_leak_into_children()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__wiringtest", "Host=leak");
        Environment.SetEnvironmentVariable("Parameters__wiringtest", "leak");
        try
        {
            var inherited = RunContext.InheritedEnvironment();

            Assert.False(inherited.ContainsKey("ConnectionStrings__wiringtest"));
            Assert.False(inherited.ContainsKey("Parameters__wiringtest"));
            Assert.True(inherited.ContainsKey("PATH"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__wiringtest", null);
            Environment.SetEnvironmentVariable("Parameters__wiringtest", null);
        }
    }

    public void Dispose() => _temp.Dispose();
}

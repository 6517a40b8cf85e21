using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults.Http;
using ServiceDefaults.Tests.Support;

namespace ServiceDefaults.Tests;

public sealed class ServiceDiscoveryTests
{
    [Theory]
    [InlineData("http://gateway/ping?x=1")]
    [InlineData("https+http://gateway/ping?x=1")]
    public async Task Client_reaches_the_gateway_address_configured_for_its_name(string logicalUrl)
    {
        await using var gateway = await StartGatewayAsync("gateway-a");
        await using var caller = await StartCallerAsync(gateway.BaseAddress);
        using var client = caller.CreateClient();

        var answer = await client.GetStringAsync($"/call?url={Uri.EscapeDataString(logicalUrl)}", TestContext.Current.CancellationToken);

        Assert.Equal("gateway-a /ping?x=1", answer);
    }

    [Fact]
    public async Task Configuration_is_read_on_every_request()
    {
        await using var first = await StartGatewayAsync("gateway-a");
        await using var second = await StartGatewayAsync("gateway-b");
        await using var caller = await StartCallerAsync(first.BaseAddress);
        var factory = caller.Services.GetRequiredService<IHttpClientFactory>();
        using var client = factory.CreateClient();

        var before = await client.GetStringAsync("http://gateway/ping", TestContext.Current.CancellationToken);
        caller.App.Configuration["services:gateway:http:0"] = second.BaseAddress.ToString();
        var after = await client.GetStringAsync("http://gateway/ping", TestContext.Current.CancellationToken);

        Assert.Equal("gateway-a /ping", before);
        Assert.Equal("gateway-b /ping", after);
    }

    [Fact]
    public async Task Response_keeps_the_logical_request_uri()
    {
        await using var gateway = await StartGatewayAsync("gateway-a");
        await using var caller = await StartCallerAsync(gateway.BaseAddress);
        using var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        using var response = await client.GetAsync("http://gateway/ping", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Uri("http://gateway/ping"), response.RequestMessage?.RequestUri);
    }

    [Fact]
    public async Task Typed_client_with_a_logical_base_address_reaches_the_gateway()
    {
        await using var gateway = await StartGatewayAsync("gateway-a");
        await using var caller = await StartCallerAsync(gateway.BaseAddress, builder =>
            builder.Services.AddHttpClient("api-to-gateway", client => client.BaseAddress = new Uri("https+http://gateway")));
        using var client = caller.Services.GetRequiredService<IHttpClientFactory>().CreateClient("api-to-gateway");

        var answer = await client.GetStringAsync("ping", TestContext.Current.CancellationToken);

        Assert.Equal("gateway-a /ping", answer);
    }

    [Theory]
    [InlineData("https+http://gateway/a?b=c", "https://10.0.0.1:7001/a?b=c")]
    [InlineData("http://gateway/a", "http://10.0.0.2:5001/a")]
    [InlineData("https://gateway/a", "https://10.0.0.1:7001/a")]
    public void Resolver_prefers_schemes_in_order(string logical, string expected)
    {
        var configuration = Configuration(new()
        {
            ["services:gateway:https:0"] = "https://10.0.0.1:7001",
            ["services:gateway:http:0"] = "http://10.0.0.2:5001",
        });

        Assert.Equal(new Uri(expected), ServiceEndpointResolver.Resolve(configuration, new Uri(logical)));
    }

    [Theory]
    [InlineData("https+http://gateway/a", "http://10.0.0.2:5001/a")]
    [InlineData("https://gateway/a", null)]
    [InlineData("http://api/a", null)]
    [InlineData("http://example.com/a", null)]
    public void Resolver_leaves_names_without_an_entry_alone(string logical, string? expected)
    {
        var configuration = Configuration(new() { ["services:gateway:http:0"] = "http://10.0.0.2:5001" });

        Assert.Equal(expected is null ? null : new Uri(expected), ServiceEndpointResolver.Resolve(configuration, new Uri(logical)));
    }

    [Fact]
    public void Resolver_names_the_key_of_a_malformed_entry()
    {
        var configuration = Configuration(new() { ["services:gateway:http:0"] = "gateway:5000" });

        var error = Assert.Throws<InvalidOperationException>(() =>
            ServiceEndpointResolver.Resolve(configuration, new Uri("http://gateway/")));
        Assert.Contains("services:gateway:http:0", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Task<TestApp> StartGatewayAsync(string name) => TestApp.StartAsync(configureApp: app =>
        app.MapGet("/ping", (Microsoft.AspNetCore.Http.HttpRequest request) => $"{name} {request.Path}{request.QueryString}"));

    /// <summary>A service whose endpoint calls another through the default HttpClient.</summary>
    private static Task<TestApp> StartCallerAsync(Uri gatewayAddress, Action<WebApplicationBuilder>? configureServices = null) => TestApp.StartAsync(
        new Dictionary<string, string?> { ["services:gateway:http:0"] = gatewayAddress.ToString() },
        configureServices,
        configureApp: app => app.MapGet("/call", (string url, IHttpClientFactory factory, CancellationToken cancellationToken) =>
            factory.CreateClient().GetStringAsync(url, cancellationToken)));
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Api.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port, composed in the test from the Api's own
/// Add…/Map… extensions, for the parts of the Api that don't need its database.
/// </summary>
internal sealed class TestWebApp(WebApplication app) : IAsyncDisposable
{
    public Uri BaseAddress { get; } = new(app.Urls.First());

    public static async Task<TestWebApp> StartAsync(
        IReadOnlyDictionary<string, string?> configuration,
        Action<WebApplicationBuilder> addServices,
        Action<WebApplication> mapEndpoints,
        string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration);
        addServices(builder);

        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestWebApp(app);
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

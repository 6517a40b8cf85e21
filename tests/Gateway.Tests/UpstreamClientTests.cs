using Gateway.Features.Messages;
using Gateway.Features.Messages.Upstream;
using Gateway.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Tests;

/// <summary>
/// The shared defaults add handlers (retries, service discovery) to every HttpClient; the upstream
/// client must drop them, because a retried model call is paid twice and a half-streamed answer cannot be replayed.
/// </summary>
public sealed class UpstreamClientTests
{
    [Fact]
    public async Task Handlers_added_by_the_shared_defaults_do_not_run_on_the_upstream_client()
    {
        await using var upstream = await AnthropicStub.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Anthropic:ApiKey"] = GatewayProcess.ApiKey,
            ["Anthropic:BaseUrl"] = upstream.BaseAddress.ToString(),
        });
        // What ServiceDefaults does for every client, registered first as AddServiceDefaults() is.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new RetryOnceHandler()));
        builder.AddMessages();
        using var host = builder.Build();
        var model = "529:" + Guid.NewGuid().ToString("N");

        var client = host.Services.GetRequiredService<AnthropicClient>();
        using var response = await client.SendAsync(
            AnthropicClient.MessagesPath, System.Text.Encoding.UTF8.GetBytes(Requests.Body(model)), new HeaderDictionary(), TestContext.Current.CancellationToken);

        Assert.Equal(529, (int)response.StatusCode);
        Assert.Single(upstream.RequestsFor(model));
    }

    /// <summary>A stand-in for a resilience handler: sends a failed request a second time.</summary>
    private sealed class RetryOnceHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500)
            {
                return response;
            }

            response.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

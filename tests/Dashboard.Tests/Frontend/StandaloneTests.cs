using System.Net;
using Microsoft.Extensions.Logging;
using System.Text.RegularExpressions;
using Dashboard.Tests.Support;
using Dashboard.Tests.Telemetry;

namespace Dashboard.Tests.Frontend;

/// <summary>The dashboard run on its own, as a compose deployment's OTLP viewer: no AppHost behind it.</summary>
public sealed partial class StandaloneTests
{
    [Fact]
    public async Task Without_a_configured_token_one_is_generated_and_its_login_link_logged()
    {
        var logs = new CapturedLogs();
        await using var host = await DashboardHost.StartAsync(
            DashboardHost.DefaultArgs, builder => builder.Logging.AddProvider(logs), browserToken: null);

        var entry = Assert.Single(logs.Entries, e => e.EventId.Id == 3002);
        var link = LoginLink().Match(entry.Message);
        Assert.True(link.Success, entry.Message);
        Assert.Equal(host.FrontendUrl.Port, new Uri(link.Value).Port);

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.FrontendUrl };
        using var login = await client.GetAsync(new Uri(link.Value).PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.True(login.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_resources_page_lists_the_services_that_sent_telemetry()
    {
        await using var host = await DashboardHost.StartAsync();
        host.Store.AddTraces(OtlpData.Traces("orders", OtlpData.Span(1, 1, "GET /orders")));
        using var client = await LoggedInClientAsync(host);

        var page = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("runs on its own", page, StringComparison.Ordinal);
        Assert.Contains("data-resource=\"orders\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fragments_render_the_store_with_the_filters_of_the_query_string()
    {
        await using var host = await DashboardHost.StartAsync();
        host.Store.AddTraces(OtlpData.Traces("orders", OtlpData.Span(1, 1, "GET /orders")));
        host.Store.AddTraces(OtlpData.Traces("billing", OtlpData.Span(2, 2, "POST /invoices", error: true)));
        using var client = await LoggedInClientAsync(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fragments/traces?resource=billing&errors=on");
        request.Headers.Add("HX-Request", "true");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("POST /invoices", html, StringComparison.Ordinal);
        Assert.DoesNotContain("GET /orders", html, StringComparison.Ordinal);
        Assert.Equal("/traces?resource=billing&errors=on", response.Headers.GetValues("HX-Replace-Url").Single());
    }

    [Fact]
    public async Task Clearing_needs_an_htmx_request_and_empties_the_signal()
    {
        await using var host = await DashboardHost.StartAsync();
        host.Store.AddTraces(OtlpData.Traces("orders", OtlpData.Span(1, 1, "GET /orders")));
        using var client = await LoggedInClientAsync(host);

        using (var forged = await client.PostAsync("/fragments/clear/traces", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
            Assert.Equal(1, host.Store.Traces.SpanCount);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/fragments/clear/traces");
        request.Headers.Add("HX-Request", "true");
        using var cleared = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(0, host.Store.Traces.SpanCount);
    }

    private static async Task<HttpClient> LoggedInClientAsync(DashboardHost host)
    {
        var client = new HttpClient { BaseAddress = host.FrontendUrl };
        (await client.GetAsync($"/login?t={DashboardHost.BrowserToken}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return client;
    }

    [GeneratedRegex(@"http://\S+/login\?t=[0-9a-f]{32}")]
    private static partial Regex LoginLink();
}

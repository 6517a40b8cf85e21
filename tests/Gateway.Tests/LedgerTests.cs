using System.Net;
using Gateway.Tests.Support;

namespace Gateway.Tests;

/// <summary>The usage ledger and budgets: cost from the price table, per key, model and day, and a key stopped at its budget.</summary>
public sealed class LedgerTests(ForwardingFixture fixture) : IClassFixture<ForwardingFixture>
{
    // claude-opus-4-1 in appsettings.json: $15 per million input tokens, $75 per million output tokens.
    // The stub answers 12 input and 5 output tokens: 12 × 15 + 5 × 75 = 555 micro-dollars a request.
    private const string PricedModel = "claude-opus-4-1";
    private const decimal CostPerRequest = 0.000555m;

    [Fact]
    public async Task Ledger_rows_carry_tokens_and_cost_per_key_model_and_day()
    {
        var (id, key) = await AdminApi.IssueKeyAsync(fixture.Gateway, "ledger");
        using var client = GatewayProcess.Client(fixture.Gateway, key);
        for (var i = 0; i < 3; i++)
        {
            using var response = await Requests.SendAsync(client, Requests.Body(PricedModel, text: $"question {i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var row = await WaitForRequestsAsync(id, 3);

        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("date").GetString());
        Assert.Equal(PricedModel, row.GetProperty("model").GetString());
        Assert.Equal(36, row.GetProperty("input_tokens").GetInt64());
        Assert.Equal(15, row.GetProperty("output_tokens").GetInt64());
        Assert.Equal(3 * CostPerRequest, row.GetProperty("cost_usd").GetDecimal());
    }

    [Fact]
    public async Task A_key_that_has_spent_its_monthly_budget_is_refused_until_next_month()
    {
        // Two requests cost 0.00111 USD: the first leaves the key under budget, the second takes it over.
        var (id, key) = await AdminApi.IssueKeyAsync(fixture.Gateway, "budget", monthlyBudgetUsd: 0.001m);
        using var client = GatewayProcess.Client(fixture.Gateway, key);

        using (var first = await Requests.SendAsync(client, Requests.Body(PricedModel, text: "one")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await WaitForRequestsAsync(id, 1);
        using (var second = await Requests.SendAsync(client, Requests.Body(PricedModel, text: "two")))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        await WaitForRequestsAsync(id, 2);
        using var refused = await Requests.SendAsync(client, Requests.Body(PricedModel, text: "three"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (type, message) = await Requests.ReadErrorAsync(refused);
        Assert.Equal("invalid_request_error", type);
        Assert.Contains("monthly spend limit", message, StringComparison.Ordinal);
        Assert.Equal(2, fixture.Upstream.RequestsFor(PricedModel).Count(request =>
            System.Text.Encoding.UTF8.GetString(request.Body).Contains("\"one\"", StringComparison.Ordinal)
            || System.Text.Encoding.UTF8.GetString(request.Body).Contains("\"two\"", StringComparison.Ordinal)));
    }

    private async Task<System.Text.Json.JsonElement> WaitForRequestsAsync(string keyId, long requests)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var rows = await AdminApi.UsageAsync(fixture.Gateway, keyId);
            if (rows.Count == 1 && rows[0].GetProperty("requests").GetInt64() >= requests)
            {
                return rows[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"the ledger never showed {requests} requests for {keyId}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

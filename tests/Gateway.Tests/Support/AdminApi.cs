using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TestSupport;

namespace Gateway.Tests.Support;

/// <summary>The Gateway's admin endpoints, as an operator's script would call them.</summary>
internal static class AdminApi
{
    public static HttpClient Client(ServiceProcess gateway, string adminKey = GatewayProcess.AdminKey) =>
        GatewayProcess.Client(gateway, adminKey);

    /// <summary>Issues a key and returns (id, key).</summary>
    public static async Task<(string Id, string Key)> IssueKeyAsync(
        ServiceProcess gateway, string name, int? requestsPerMinute = null, long? tokensPerMinute = null, decimal? monthlyBudgetUsd = null)
    {
        using var admin = Client(gateway);
        using var response = await admin.PostAsJsonAsync("/admin/keys", new Dictionary<string, object?>
        {
            ["name"] = name,
            ["requests_per_minute"] = requestsPerMinute,
            ["tokens_per_minute"] = tokensPerMinute,
            ["monthly_budget_usd"] = monthlyBudgetUsd,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await ReadJsonAsync(response);
        return (issued.GetProperty("id").GetString()!, issued.GetProperty("key").GetString()!);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    /// <summary>The ledger rows of one key for today.</summary>
    public static async Task<IReadOnlyList<JsonElement>> UsageAsync(ServiceProcess gateway, string keyId)
    {
        using var admin = Client(gateway);
        using var response = await admin.GetAsync($"/admin/usage?key_id={keyId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await ReadJsonAsync(response)).GetProperty("data").EnumerateArray()];
    }
}

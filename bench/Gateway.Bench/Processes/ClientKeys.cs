using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Bench.Processes;

/// <summary>
/// Creates the benchmark's client key through <c>POST /admin/keys</c>, with limits far above what it sends so that
/// the rate limiter and the ledger do their work without ever refusing a request.
/// </summary>
internal static class ClientKeys
{
    /// <summary>The key sent where client keys do not exist (yet): the same header on the wire either way.</summary>
    public const string Placeholder = "sk-gw-bench-placeholder-0123456789abcdef";

    /// <returns>The new key, or null when this build of the gateway has no admin endpoint (404).</returns>
    public static async Task<string?> CreateAsync(GatewayProcess gateway, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/keys")
        {
            Content = JsonContent.Create(new { name = "bench", requests_per_minute = 100_000_000L, tokens_per_minute = 100_000_000_000L }),
        };
        request.Headers.Add("x-api-key", gateway.AdminKey);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /admin/keys answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("key").GetString()
            ?? throw new InvalidOperationException($"POST /admin/keys answered without a key: {body}");
    }
}

using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Features.Keys;

/// <summary>
/// Reads the client key from <c>x-api-key</c> (what Anthropic SDKs send) or <c>Authorization: Bearer</c>, and
/// turns it into a hash at once: the plain key goes no further than this class.
/// </summary>
internal sealed class ClientCredentials
{
    private readonly FrozenDictionary<string, PresetIdentity> _presets;

    public ClientCredentials(IOptions<ClientKeysOptions> options)
    {
        _presets = options.Value.Preset.ToFrozenDictionary(
            pair => ClientKeyFormat.HashOf(pair.Value.Key.Trim()),
            pair => new PresetIdentity(pair.Key, new KeyLimits(pair.Value.RequestsPerMinute, pair.Value.TokensPerMinute, pair.Value.MonthlyBudgetUsd)));
    }

    public IEnumerable<(string Id, PresetIdentity Preset)> Presets =>
        _presets.Select(pair => (ClientKeyFormat.IdOf(pair.Key), pair.Value));

    /// <summary>The credential of the request, or null when it presented none.</summary>
    public ClientCredential? Read(HttpRequest request)
    {
        var key = PresentedKey(request);
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var hash = ClientKeyFormat.HashOf(key);
        return new ClientCredential(ClientKeyFormat.IdOf(hash), hash, _presets.GetValueOrDefault(hash));
    }

    public static string? PresentedKey(HttpRequest request)
    {
        var apiKey = request.Headers["x-api-key"];
        if (apiKey.Count == 1 && !string.IsNullOrWhiteSpace(apiKey[0]))
        {
            return apiKey[0]!.Trim();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            ? authorization[bearer.Length..].Trim()
            : null;
    }
}

using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Models;

/// <summary>A model as the Gateway knows it: its listed id, output cap and prices.</summary>
internal sealed record CatalogModel(string Id, string DisplayName, DateTimeOffset CreatedAt, int MaxTokens, ModelPrice Price);

/// <summary>Looks models up by id or alias, built once from <see cref="ModelsOptions"/>.</summary>
internal sealed class ModelCatalog
{
    private readonly FrozenDictionary<string, CatalogModel> _byName;
    private readonly ModelsOptions _options;

    public ModelCatalog(IOptions<ModelsOptions> options)
    {
        _options = options.Value;
        Models = [.. _options.Catalog
            .Select(pair => ToModel(pair.Key, pair.Value))
            .OrderByDescending(model => model.CreatedAt)
            .ThenBy(model => model.Id, StringComparer.Ordinal)];
        _byName = _options.Catalog
            .SelectMany(pair => pair.Value.Aliases.Prepend(pair.Key).Select(name => (name, pair.Key)))
            .ToFrozenDictionary(x => x.name, x => Models.First(m => m.Id == x.Key), StringComparer.Ordinal);
    }

    /// <summary>Newest first, the order Anthropic lists models in.</summary>
    public IReadOnlyList<CatalogModel> Models { get; }

    public bool AllowUnlisted => _options.AllowUnlisted;

    /// <summary>The catalog entry for an id or alias; an unlisted model when those are allowed; otherwise null.</summary>
    public CatalogModel? Find(string name) =>
        _byName.TryGetValue(name, out var model) ? model
        : _options.AllowUnlisted ? new CatalogModel(name, name, DateTimeOffset.UnixEpoch, _options.DefaultMaxTokens, ModelPrice.Free)
        : null;

    /// <summary>The listed model only, for <c>/v1/models/{id}</c>.</summary>
    public CatalogModel? FindListed(string name) => _byName.GetValueOrDefault(name);

    private CatalogModel ToModel(string id, ModelEntry entry) => new(
        id,
        entry.DisplayName ?? id,
        entry.CreatedAt,
        entry.MaxTokens ?? _options.DefaultMaxTokens,
        new ModelPrice(
            entry.InputUsdPerMillion,
            entry.OutputUsdPerMillion,
            entry.CacheReadUsdPerMillion ?? entry.InputUsdPerMillion * 0.1m,
            entry.CacheWriteUsdPerMillion ?? entry.InputUsdPerMillion * 1.25m));
}

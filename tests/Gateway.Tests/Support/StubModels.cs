using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Tests.Support;

/// <summary>One entry of Anthropic's model list, fields in Anthropic's order.</summary>
internal sealed record StubModel(
    [property: JsonPropertyOrder(1)] string Id,
    [property: JsonPropertyOrder(2)] string DisplayName,
    [property: JsonPropertyOrder(3)] DateTimeOffset CreatedAt)
{
    [JsonPropertyOrder(0)]
    public string Type => "model";
}

/// <summary>The stub's model catalog and Anthropic's cursor pagination over it (newest first, <c>limit</c> 1–1000, default 20).</summary>
internal static class StubModels
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 1000;

    public static readonly IReadOnlyList<StubModel> Catalog =
    [
        new("claude-haiku-4-5-20251001", "Claude Haiku 4.5", new DateTimeOffset(2025, 10, 15, 0, 0, 0, TimeSpan.Zero)),
        new("claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", new DateTimeOffset(2025, 9, 29, 0, 0, 0, TimeSpan.Zero)),
        new("claude-opus-4-1-20250805", "Claude Opus 4.1", new DateTimeOffset(2025, 8, 5, 0, 0, 0, TimeSpan.Zero)),
        new("claude-sonnet-4-20250514", "Claude Sonnet 4", new DateTimeOffset(2025, 5, 22, 0, 0, 0, TimeSpan.Zero)),
    ];

    private static readonly JsonSerializerOptions Wire = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static StubModel? Find(string id) => Catalog.FirstOrDefault(m => m.Id == id);

    public static string Json(StubModel model) => JsonSerializer.Serialize(model, Wire);

    /// <summary>The page after <paramref name="afterId"/>, before <paramref name="beforeId"/>, or the first; <c>null</c> for a cursor the catalog lacks.</summary>
    public static string? PageJson(int limit, string? afterId, string? beforeId)
    {
        var ids = Catalog.Select(m => m.Id).ToList();
        int start, end;
        if (beforeId is not null)
        {
            end = ids.IndexOf(beforeId);
            start = Math.Max(0, end - limit);
        }
        else
        {
            start = afterId is null ? 0 : ids.IndexOf(afterId) + 1;
            end = Math.Min(ids.Count, start + limit);
        }

        if (end < 0 || start == 0 && afterId is not null)
        {
            return null;
        }

        var page = Catalog.Take(new Range(start, end)).ToList();
        // has_more looks in the direction the caller pages: older for after_id (and the first page), newer for before_id.
        var hasMore = beforeId is not null ? start > 0 : end < ids.Count;
        return JsonSerializer.Serialize(new ModelPage(page, hasMore, page.FirstOrDefault()?.Id, page.LastOrDefault()?.Id), Wire);
    }

    private sealed record ModelPage(IReadOnlyList<StubModel> Data, bool HasMore, string? FirstId, string? LastId);
}

namespace Gateway.Features.Models;

/// <summary>Anthropic's Model object.</summary>
internal sealed record ModelInfo(string Id, string DisplayName, DateTimeOffset CreatedAt)
{
    public string Type => "model";

    public static ModelInfo From(CatalogModel model) => new(model.Id, model.DisplayName, model.CreatedAt);
}

/// <summary>Anthropic's list page: <c>data</c>, <c>has_more</c>, <c>first_id</c>, <c>last_id</c>, paged by <c>after_id</c>/<c>before_id</c>.</summary>
internal sealed record ModelPage(IReadOnlyList<ModelInfo> Data, bool HasMore, string? FirstId, string? LastId)
{
    /// <summary>The page, or null when a cursor names no listed model.</summary>
    public static ModelPage? From(IReadOnlyList<CatalogModel> models, int limit, string? afterId, string? beforeId)
    {
        int start = 0, end = models.Count;
        if (afterId is not null)
        {
            var index = IndexOf(models, afterId);
            if (index < 0)
            {
                return null;
            }

            start = index + 1;
        }

        if (beforeId is not null)
        {
            var index = IndexOf(models, beforeId);
            if (index < 0)
            {
                return null;
            }

            end = index;
            // Paging backwards returns the items just before the cursor.
            start = Math.Max(start, end - limit);
        }

        var take = Math.Max(0, Math.Min(limit, end - start));
        var data = models.Skip(start).Take(take).Select(ModelInfo.From).ToList();
        var hasMore = beforeId is not null ? start > 0 : start + take < end;
        return new ModelPage(data, hasMore, data.FirstOrDefault()?.Id, data.LastOrDefault()?.Id);
    }

    private static int IndexOf(IReadOnlyList<CatalogModel> models, string id)
    {
        for (var i = 0; i < models.Count; i++)
        {
            if (models[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

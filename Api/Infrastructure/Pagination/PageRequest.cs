using System.Diagnostics.CodeAnalysis;

namespace Api.Infrastructure.Pagination;

/// <summary>
/// <c>?limit=&amp;cursor=</c> of a list, validated. The cursor is opaque to clients: the id of the last
/// item of the previous page, so a page is one index range scan however deep it is.
/// </summary>
public readonly record struct PageRequest(int Limit, Guid? After)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static bool TryCreate(
        int? limit, string? cursor, out PageRequest request, [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        errors = null;
        request = default;
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors = new() { ["limit"] = [$"limit is between 1 and {MaxLimit} (default {DefaultLimit})."] };
            return false;
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!Cursor.TryDecode(cursor, out var id))
            {
                errors = new() { ["cursor"] = ["cursor is not one this API returned (use nextCursor from the previous page)."] };
                return false;
            }

            after = id;
        }

        request = new PageRequest(take, after);
        return true;
    }

    /// <summary>Builds the page from up to <see cref="Limit"/> + 1 rows read: the extra row only says there is more.</summary>
    public Page<T> ToPage<TRow, T>(IReadOnlyList<TRow> rows, Func<TRow, Guid> id, Func<TRow, T> map)
    {
        var hasMore = rows.Count > Limit;
        var items = rows.Take(Limit).Select(map).ToList();
        return new Page<T>(items, hasMore, hasMore ? Cursor.Encode(id(rows[Limit - 1])) : null);
    }
}

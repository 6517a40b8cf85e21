namespace Api.Infrastructure.Pagination;

/// <summary>One page of a keyset-paginated list; pass <see cref="NextCursor"/> back as <c>?cursor=</c> for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasMore, string? NextCursor);

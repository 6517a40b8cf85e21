namespace Api.Features.Search;

/// <summary>One match: a file (<c>path</c> set) or a message (<c>role</c> set), best first.</summary>
public sealed record SearchHit(
    string Kind, Guid ProjectId, string ProjectName, Guid Id, string? Path, string? Role, string Snippet, float Rank, DateTimeOffset At);

public sealed record SearchResponse(string Query, IReadOnlyList<SearchHit> Items);

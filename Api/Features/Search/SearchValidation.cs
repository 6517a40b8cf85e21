using System.Diagnostics.CodeAnalysis;

namespace Api.Features.Search;

internal static class SearchValidation
{
    public const int MaxQueryLength = 200;
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public static bool TryValidate(
        string? q, int? limit, [NotNullWhen(true)] out string? query, [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        query = q?.Trim();
        errors = null;
        var queryError = query switch
        {
            null or "" => "q is required: the words to look for (web-search syntax: \"a phrase\", -excluded, or).",
            { Length: > MaxQueryLength } => $"q has at most {MaxQueryLength} characters.",
            _ when query.Any(char.IsControl) => "q has no control characters.",
            _ => null,
        };
        if (queryError is not null)
        {
            errors = new() { ["q"] = [queryError] };
        }

        if (limit is < 1 or > MaxLimit)
        {
            (errors ??= [])["limit"] = [$"limit is between 1 and {MaxLimit} (default {DefaultLimit})."];
        }

        return errors is null;
    }
}

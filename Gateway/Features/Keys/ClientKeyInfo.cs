using System.Text.Json.Serialization;

namespace Gateway.Features.Keys;

/// <summary>A client key as the admin endpoint shows it. <see cref="Key"/> is set only in the answer that issues it: the one time the key is ever shown.</summary>
internal sealed record ClientKeyInfo(
    string Id,
    string Name,
    string Hint,
    string Source,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? RevokedAt,
    int? RequestsPerMinute,
    long? TokensPerMinute,
    decimal? MonthlyBudgetUsd,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null)
{
    public string Type => "client_key";
}

/// <summary>What an admin asks for when issuing a key.</summary>
internal sealed record IssueKeyRequest(string? Name, int? RequestsPerMinute, long? TokensPerMinute, decimal? MonthlyBudgetUsd);

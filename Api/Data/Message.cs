namespace Api.Data;

/// <summary>
/// One turn of a project's conversation. Assistant messages are stored only once the model's reply is
/// complete, so every stored row is a whole message; they also carry the model and its token usage.
/// </summary>
public sealed class Message
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary><see cref="MessageRoles.User"/> or <see cref="MessageRoles.Assistant"/>.</summary>
    public required string Role { get; init; }

    public required string Content { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? Model { get; init; }

    public int? InputTokens { get; init; }

    public int? OutputTokens { get; init; }

    /// <summary>The model's stop reason, e.g. <c>end_turn</c>, or <c>max_tokens</c> for a reply cut at the limit.</summary>
    public string? StopReason { get; init; }
}

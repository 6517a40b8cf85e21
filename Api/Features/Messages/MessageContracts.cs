namespace Api.Features.Messages;

/// <summary>A stored message; model, token counts and stop reason are set on assistant messages only.</summary>
public sealed record MessageResponse(
    Guid Id,
    string Role,
    string Content,
    DateTimeOffset CreatedAt,
    string? Model,
    int? InputTokens,
    int? OutputTokens,
    string? StopReason);

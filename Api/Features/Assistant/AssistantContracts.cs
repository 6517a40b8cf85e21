namespace Api.Features.Assistant;

public sealed record AskRequest(string? Prompt);

public sealed record AskResponse(string Text, string Model, int InputTokens, int OutputTokens);

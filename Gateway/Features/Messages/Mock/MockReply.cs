namespace Gateway.Features.Messages.Mock;

internal sealed record MockReply(string Text, int InputTokens, int OutputTokens, string StopReason);

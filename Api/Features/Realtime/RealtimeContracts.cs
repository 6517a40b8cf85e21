namespace Api.Features.Realtime;

/// <summary>A stream token and the URL an EventSource opens with it.</summary>
public sealed record StreamTokenResponse(string Token, DateTimeOffset ExpiresAt, string Url);

using Api.Data;

namespace Api.Features.Accounts;

public sealed record RegisterRequest(string? Email, string? Password);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record AccountResponse(Guid Id, string Email, AccountTier Tier, DateTimeOffset CreatedAt)
{
    public static AccountResponse From(User user) => new(user.Id, user.Email, user.Tier, user.CreatedAt);
}

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, AccountResponse Account);

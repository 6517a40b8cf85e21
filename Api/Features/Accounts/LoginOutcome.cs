namespace Api.Features.Accounts;

internal abstract record LoginOutcome
{
    public sealed record Success(LoginResponse Response) : LoginOutcome;

    public sealed record Locked(DateTimeOffset Until) : LoginOutcome;

    public sealed record WrongCredentials : LoginOutcome;
}

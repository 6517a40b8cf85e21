using System.Security.Claims;
using Api.Data;
using Api.Infrastructure.Authentication;
using Api.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Api.Features.Accounts;

public static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/accounts").WithTags("Accounts");
        group.MapPost("/register", RegisterAsync).RequirePerIpRateLimit("accounts", limits => limits.Accounts);
        group.MapPost("/login", LoginAsync).RequirePerIpRateLimit("accounts", limits => limits.Accounts);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization();
        group.MapGet("/me", MeAsync).RequireAuthorization();
        return endpoints;
    }

    internal static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AppDbContext db, IPasswordHasher<User> hasher, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AccountValidation.TryValidate(request, out var email, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = Timestamps.Now(time);
        var user = new User { Id = Guid.CreateVersion7(now), Email = email, PasswordHash = "", Tier = AccountTier.Free, CreatedAt = now };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Email already registered",
                detail: $"An account with {email} exists; log in instead.");
        }

        return TypedResults.Created("/api/accounts/me", AccountResponse.From(user));
    }

    internal static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, Logins logins, CancellationToken cancellationToken) =>
        await logins.LoginAsync(request, cancellationToken) switch
        {
            LoginOutcome.Success success => TypedResults.Ok(success.Response),
            LoginOutcome.Locked locked => LockedProblem(locked.Until),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong email or password"),
        };

    internal static async Task<NoContent> LogoutAsync(
        ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var sessionId = user.GetSessionId();
        var now = time.GetUtcNow();
        await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<AccountResponse>, NotFound>> MeAsync(
        ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == user.GetUserId(), cancellationToken);
        return account is null ? TypedResults.NotFound() : TypedResults.Ok(AccountResponse.From(account));
    }

    private static ProblemHttpResult LockedProblem(DateTimeOffset until) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status423Locked,
            title: "Account locked",
            detail: $"Too many failed logins; try again after {until:O}.",
            extensions: new Dictionary<string, object?> { ["lockedUntil"] = until });
}

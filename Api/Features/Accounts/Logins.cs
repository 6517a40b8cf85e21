using Api.Data;
using Api.Infrastructure.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Features.Accounts;

/// <summary>Checks a password, counts failures toward a lockout, and opens a session.</summary>
internal sealed class Logins(AppDbContext db, IPasswordHasher<User> hasher, IOptions<AccountOptions> options, TimeProvider time)
{
    // Verified when the email is unknown, so that answer takes as long as a wrong password does.
    private static readonly string s_decoyHash = new PasswordHasher<User>().HashPassword(null!, "decoy-password-never-used");

    public async Task<LoginOutcome> LoginAsync(LoginRequest request, CancellationToken cancellationToken)
    {
        var email = AccountValidation.Normalize(request.Email);
        var user = email is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        var now = time.GetUtcNow();
        if (user?.LockedUntil > now)
        {
            return new LoginOutcome.Locked(user.LockedUntil.Value);
        }

        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? s_decoyHash, request.Password ?? "");
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            return user is null ? new LoginOutcome.WrongCredentials() : await FailedAsync(user, now, cancellationToken);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
        }

        user.FailedLogins = 0;
        user.LockedUntil = null;
        var token = SessionTokens.Create();
        var session = new Session
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            TokenHash = SessionTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.SessionLifetime,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new LoginOutcome.Success(new LoginResponse(token, session.ExpiresAt, AccountResponse.From(user)));
    }

    // One UPDATE, so concurrent wrong guesses cannot overwrite each other's count.
    private async Task<LoginOutcome> FailedAsync(User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxFailedLogins;
        var lockedUntil = now + options.Value.LockoutDuration;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.LockedUntil, x => x.FailedLogins + 1 >= max ? lockedUntil : x.LockedUntil)
            .SetProperty(x => x.FailedLogins, x => x.FailedLogins + 1 >= max ? 0 : x.FailedLogins + 1), cancellationToken);
        return user.FailedLogins + 1 >= max ? new LoginOutcome.Locked(lockedUntil) : new LoginOutcome.WrongCredentials();
    }
}

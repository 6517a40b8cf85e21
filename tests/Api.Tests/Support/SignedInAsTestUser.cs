using System.Security.Claims;
using System.Text.Encodings.Web;
using Api.Data;
using Api.Infrastructure.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Api.Tests.Support;

/// <summary>
/// For endpoint tests composed without the database: every request is one fixed, signed-in user. What sessions
/// themselves do is tested against the whole Api (AccountsTests).
/// </summary>
internal sealed class SignedInAsTestUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestUser";

    public static void AddTo(IServiceCollection services)
    {
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, SignedInAsTestUser>(SchemeName, null);
        services.AddAuthorization();
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(
            UserClaims.Create(Guid.Empty, "test@example.com", AccountTier.Free, Guid.Empty, SchemeName), SchemeName)));
}

using Microsoft.AspNetCore.Authentication;

namespace Api.Infrastructure.Authentication;

public static class AuthenticationExtensions
{
    /// <summary>Session-token authentication; every endpoint group that is not public calls <c>RequireAuthorization()</c>.</summary>
    public static IHostApplicationBuilder AddSessionAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }
}

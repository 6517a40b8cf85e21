using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Dashboard.Frontend;

/// <summary>
/// The browser token login: <c>/login?t=TOKEN</c> (the link the AppHost prints) or the form, then a cookie.
/// </summary>
internal static class LoginEndpoints
{
    public static void MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", LoginWithLinkAsync).AllowAnonymous();
        app.MapPost("/login", LoginWithFormAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/logout", (Delegate)LogoutAsync).DisableAntiforgery();
    }

    private static async Task<IResult> LoginWithLinkAsync(HttpContext context, IOptions<FrontendOptions> options, string? t, string? returnUrl)
    {
        if (t is null)
        {
            return LoginPage(returnUrl, error: null, HttpStatusCode.OK);
        }

        return await SignInAsync(context, options.Value, t, returnUrl);
    }

    private static async Task<IResult> LoginWithFormAsync(HttpContext context, IOptions<FrontendOptions> options)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await SignInAsync(context, options.Value, form["token"].ToString(), form["returnUrl"].ToString());
    }

    private static async Task<IResult> SignInAsync(HttpContext context, FrontendOptions options, string token, string? returnUrl)
    {
        if (!Matches(token, options.BrowserToken))
        {
            Log.LoginRefused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LoginEndpoints)), context.Connection.RemoteIpAddress);
            return LoginPage(returnUrl, "That token is not valid for this dashboard. Use the login link the AppHost printed.", HttpStatusCode.Unauthorized);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard-user")], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/login");
    }

    private static bool Matches(string? given, string? expected) =>
        !string.IsNullOrEmpty(given) && !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult LoginPage(string? returnUrl, string? error, HttpStatusCode status)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Log in · Dashboard</title><link rel="stylesheet" href="/app.css"></head>
            <body><form class="login" method="post" action="/login">
            <h1>Dashboard</h1>
            <p class="muted">Open the login link the AppHost printed, or paste its token (the <code>t=</code> part).</p>
            {(error is null ? "" : $"<p class=\"banner\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
            <input type="password" name="token" placeholder="Token" autocomplete="off" autofocus required>
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}">
            <button type="submit">Log in</button>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, (int)status);
    }
}

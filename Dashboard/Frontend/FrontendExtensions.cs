using Dashboard.Components;
using Dashboard.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Dashboard.Frontend;

public static class FrontendExtensions
{
    public static WebApplicationBuilder AddFrontend(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FrontendOptions>()
            .BindConfiguration(FrontendOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IPostConfigureOptions<FrontendOptions>, FrontendOptionsSetup>();
        builder.Services.AddSingleton<IValidateOptions<FrontendOptions>, FrontendOptionsValidator>();
        builder.Services.AddHostedService<LoginLinkLogger>();

        builder.WebHost.ConfigureKestrel((_, kestrel) =>
        {
            var options = kestrel.ApplicationServices.GetRequiredService<IOptions<FrontendOptions>>().Value;
            foreach (var url in options.Urls())
            {
                DashboardEndpoint.Listen(kestrel, url, DashboardEndpointKind.Frontend, HttpProtocols.Http1);
            }
        });

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = ".Dashboard.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.LoginPath = "/login";
            options.ExpireTimeSpan = TimeSpan.FromDays(3);
            options.Events.OnRedirectToLogin = RedirectPagesAnswerOthers;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IConfigureOptions<AuthorizationOptions>, FrontendAuthorization>();
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication MapFrontend(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        var npm = Path.Combine(AppContext.BaseDirectory, "npm");
        if (Directory.Exists(npm))
        {
            // Front-end libraries the build installed from npm (see Dashboard.csproj); public, like the stylesheet.
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(npm), RequestPath = "/lib" });
        }

        app.MapStaticAssets().AllowAnonymous();
        app.MapLogin();
        app.MapLiveEvents();
        app.MapFragments();
        app.MapConsole();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>A browser asking for a page goes to the login form; anything else (the Blazor hub, fetches) gets 401.</summary>
    private static Task RedirectPagesAnswerOthers(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        return Task.CompletedTask;
    }
}

/// <summary>Every endpoint needs the login cookie unless it says otherwise, except in <see cref="FrontendAuthMode.Unsecured"/> mode.</summary>
internal sealed class FrontendAuthorization(IOptions<FrontendOptions> frontend) : IConfigureOptions<AuthorizationOptions>
{
    public void Configure(AuthorizationOptions options)
    {
        if (frontend.Value.AuthMode == FrontendAuthMode.BrowserToken)
        {
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        }
    }
}

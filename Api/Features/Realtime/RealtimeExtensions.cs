using Api.Infrastructure.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Api.Features.Realtime;

public static class RealtimeExtensions
{
    /// <summary>The policy of event streams: a session bearer token or a stream token.</summary>
    public const string StreamPolicy = "ProjectEventStream";

    public static IHostApplicationBuilder AddRealtime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RealtimeOptions>()
            .BindConfiguration(RealtimeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ProjectEvents>();
        builder.Services.AddSingleton<StreamTokens>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, StreamTokenAuthenticationHandler>(StreamTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(StreamPolicy, policy => policy
            .AddAuthenticationSchemes(SessionAuthenticationHandler.SchemeName, StreamTokenAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        return builder;
    }
}

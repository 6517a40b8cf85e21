using System.Security.Claims;
using Api.Data;
using Api.Features.Assistant;
using Api.Features.FeatureFlags;
using Api.Features.Projects;
using Api.Infrastructure.Gateway;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Chat;

public static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/projects/{projectId:guid}/chat").WithTags("Chat").RequireAuthorization().RequireFeature(ApiFeature.Chat)
            .MapPost("/", ChatAsync);
        return endpoints;
    }

    /// <summary>
    /// Stores the user's message and streams the assistant's reply as server-sent events (<c>message_saved</c>,
    /// <c>delta</c>…, then <c>done</c> or <c>error</c>). Problems found before the stream starts (bad input, no such
    /// project, the Gateway unreachable or refusing) are ProblemDetails and store nothing.
    /// </summary>
    internal static async Task<Results<ChatStreamResult, ValidationProblem, ProblemHttpResult>> ChatAsync(
        Guid projectId, ChatRequest request, ClaimsPrincipal user, AppDbContext db, ChatRelay relay, HttpContext httpContext,
        CancellationToken cancellationToken)
    {
        if (!ChatValidation.TryValidate(request, out var content, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!await db.Projects.OwnedBy(user).AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return ProjectsEndpoints.ProjectNotFound(projectId);
        }

        try
        {
            var turn = await relay.StartAsync(user, projectId, content, cancellationToken);
            httpContext.Response.RegisterForDispose(turn.Reply);
            return new ChatStreamResult(turn, relay);
        }
        catch (GatewayException exception)
        {
            return AssistantEndpoints.GatewayFailed(exception);
        }
    }
}

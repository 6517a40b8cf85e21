using System.Security.Claims;
using Api.Data;
using Api.Features.Projects;
using Api.Infrastructure.Authentication;
using Api.Infrastructure.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Features.Messages;

/// <summary>A project's conversation, read a page at a time.</summary>
public static class MessagesEndpoints
{
    /// <summary>Puts the page's source-generated serializer first in the Api's JSON options.</summary>
    public static IHostApplicationBuilder AddMessages(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, MessagesJsonContext.Default));
        return builder;
    }

    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/projects/{projectId:guid}/messages").WithTags("Messages").RequireAuthorization()
            .MapGet("/", ListMessagesAsync);
        return endpoints;
    }

    /// <summary>
    /// Newest first (see <see cref="MessagePages"/>). The cursor is the last id of the previous page and the next page is every older id,
    /// so messages stored while a client pages back (always newer) neither shift nor repeat a page.
    /// </summary>
    internal static async Task<Results<Ok<Page<MessageResponse>>, ValidationProblem, ProblemHttpResult>> ListMessagesAsync(
        Guid projectId, int? limit, string? cursor, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryCreate(limit, cursor, out var page, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var ownerId = user.GetUserId();
        var rows = await (page.After is { } after
            ? MessagePages.OlderThan(db, projectId, ownerId, after, page.Limit + 1)
            : MessagePages.Newest(db, projectId, ownerId, page.Limit + 1)).ToListAsync(cancellationToken);

        // Only an empty page asks again whether the project is there at all.
        if (rows.Count == 0 && !await db.Projects.OwnedBy(user).AnyAsync(p => p.Id == projectId, cancellationToken))
        {
            return ProjectsEndpoints.ProjectNotFound(projectId);
        }

        return TypedResults.Ok(page.ToPage(rows, m => m.Id, m => m));
    }
}

using System.Security.Claims;
using Api.Data;
using Api.Features.Projects;
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
    /// Newest first. The cursor is the last id of the previous page and the next page is every older id,
    /// so messages stored while a client pages back (always newer) neither shift nor repeat a page.
    /// </summary>
    internal static async Task<Results<Ok<Page<MessageResponse>>, ValidationProblem, ProblemHttpResult>> ListMessagesAsync(
        Guid projectId, int? limit, string? cursor, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!PageRequest.TryCreate(limit, cursor, out var page, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        // The owner check rides in the page query (PostgreSQL runs it once, as an InitPlan), so a full
        // page costs one round trip; only an empty one asks again whether the project is there at all.
        var owned = db.Projects.OwnedBy(user).Where(p => p.Id == projectId);
        var query = db.Messages.AsNoTracking().Where(m => m.ProjectId == projectId && owned.Any());
        if (page.After is { } after)
        {
            query = query.Where(m => m.Id < after);
        }

        // Projected, so the row's search vector is never read.
        var rows = await query.OrderByDescending(m => m.Id).Take(page.Limit + 1)
            .Select(m => new MessageResponse(m.Id, m.Role, m.Content, m.CreatedAt, m.Model, m.InputTokens, m.OutputTokens, m.StopReason))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 && !await owned.AnyAsync(cancellationToken))
        {
            return ProjectsEndpoints.ProjectNotFound(projectId);
        }

        return TypedResults.Ok(page.ToPage(rows, m => m.Id, m => m));
    }
}

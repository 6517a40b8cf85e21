using System.Security.Claims;
using Api.Features.FeatureFlags;
using Api.Infrastructure.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Features.Search;

public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/search").WithTags("Search").RequireAuthorization().RequireFeature(ApiFeature.Search)
            .MapGet("/", SearchAsync);
        return endpoints;
    }

    /// <summary>The signed-in user's files and messages matching <paramref name="q"/>, best first; optionally one project's.</summary>
    internal static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(
        string? q, Guid? projectId, int? limit, ClaimsPrincipal user, FullTextSearch search, CancellationToken cancellationToken)
    {
        if (!SearchValidation.TryValidate(q, limit, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var hits = await search.SearchAsync(user.GetUserId(), query, projectId, limit ?? SearchValidation.DefaultLimit, cancellationToken);
        return TypedResults.Ok(new SearchResponse(query, hits));
    }
}

using System.Security.Claims;
using Api.Data;
using Api.Infrastructure.Authentication;

namespace Api.Features.Projects;

public static class ProjectQueries
{
    /// <summary>The signed-in user's projects only: the tenant filter every project query starts from.</summary>
    public static IQueryable<Project> OwnedBy(this IQueryable<Project> projects, ClaimsPrincipal user)
    {
        var ownerId = user.GetUserId();
        return projects.Where(p => p.OwnerId == ownerId);
    }
}

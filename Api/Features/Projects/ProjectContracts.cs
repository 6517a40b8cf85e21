using Api.Data;

namespace Api.Features.Projects;

public sealed record CreateProjectRequest(string? Name);

public sealed record RenameProjectRequest(string? Name);

public sealed record ProjectResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProjectResponse From(Project project) => new(project.Id, project.Name, project.CreatedAt, project.UpdatedAt);
}

namespace Api.Features.Projects;

public static class ProjectsExtensions
{
    public static IHostApplicationBuilder AddProjects(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProjectDeletion>();
        return builder;
    }
}

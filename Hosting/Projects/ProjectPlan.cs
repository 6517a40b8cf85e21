using Hosting.Processes;
using Hosting.Runtime;

namespace Hosting.Projects;

/// <summary>Runs a built .NET project as <c>dotnet {TargetPath}</c> from its project directory, as <c>dotnet run</c> would.</summary>
internal sealed class ProjectPlan(ProjectResource resource, RunContext context) : ResourcePlan
{
    private readonly string _instanceId = $"{resource.Name}-{Guid.NewGuid().ToString("N")[..8]}";

    public override Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(resource.Project.TargetPath))
        {
            throw new DistributedApplicationException(
                $"Project '{resource.Name}' has not been built: '{resource.Project.TargetPath}' is missing. Build the AppHost (dotnet build) first.");
        }

        return Task.CompletedTask;
    }

    public override ProcessSpec CreateSpec()
    {
        var environment = context.ServiceEnvironment(resource, _instanceId);
        environment["ASPNETCORE_URLS"] = context.ServiceUrl(resource);
        environment["ASPNETCORE_ENVIRONMENT"] = context.Options.ServiceEnvironment;
        environment["DOTNET_ENVIRONMENT"] = context.Options.ServiceEnvironment;
        return new ProcessSpec("dotnet", [resource.Project.TargetPath], Path.GetDirectoryName(resource.Project.ProjectPath)!)
        {
            Environment = environment,
        };
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        resource.HealthCheckPath is { } path
            ? HealthProbes.HttpOkAsync(new Uri(new Uri(context.ServiceUrl(resource)), path), cancellationToken)
            : HealthProbes.TcpOpenAsync(context.PortOf(resource), cancellationToken);

    public override IReadOnlyList<string> Urls => [context.ServiceUrl(resource)];
}

namespace Hosting;

/// <summary>Adds .NET projects, executables and parameters to the application.</summary>
public static class ProjectBuilderExtensions
{
    /// <summary>Adds a project built with the AppHost (see <see cref="IProjectMetadata"/>); it serves HTTP on a port chosen at start unless one is given.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this DistributedApplicationBuilder builder, string name, int? port = null)
        where TProject : IProjectMetadata, new()
    {
        var project = new ProjectResource(name, new TProject()) { Http = new HttpEndpoint(port ?? 0) };
        return builder.AddResource(project);
    }

    /// <summary>Adds an executable.</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this DistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args)
        => builder.AddResource(new ExecutableResource(name, command, workingDirectory, args));

    /// <summary>Adds a parameter read from configuration <c>Parameters:{name}</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(
        this DistributedApplicationBuilder builder, string name, bool secret = false, bool optional = false)
        => builder.AddResource(new ParameterResource(name, secret, optional));

    /// <summary>
    /// Adds a secret parameter read from <c>Parameters:{name}</c> when set, and otherwise generated on the first run
    /// and kept in the state directory (a key two resources must share, such as the Api's key for the Gateway).
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedParameter(this DistributedApplicationBuilder builder, string name)
        => builder.AddResource(new ParameterResource(name, secret: true, optional: false) { Generated = true });
}

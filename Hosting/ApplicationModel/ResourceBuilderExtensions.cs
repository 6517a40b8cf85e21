namespace Hosting;

/// <summary>Wiring between resources: references, start order, environment, health.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Gives the resource the connection string of <paramref name="source"/> as <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : Resource
    {
        builder.Resource.References.Add((Resource)source.Resource);
        return builder;
    }

    /// <summary>Gives the resource the URL of <paramref name="source"/> as <c>services__{name}__http__0</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : Resource
    {
        builder.Resource.References.Add((Resource)source.Resource);
        return builder;
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : Resource
    {
        builder.Resource.WaitsFor.Add((Resource)dependency.Resource);
        return builder;
    }

    /// <summary>Sets an environment variable to a fixed value.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string? value)
        where T : Resource
    {
        builder.Resource.Environment[name] = () => value;
        return builder;
    }

    /// <summary>Sets an environment variable to a parameter's value; only this resource receives it.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : Resource
    {
        builder.Resource.References.Add(parameter.Resource);
        builder.Resource.Environment[name] = () => parameter.Resource.Value;
        return builder;
    }

    /// <summary>Declares the resource's HTTP endpoint; a fixed port is what a person opens, 0 picks a free one.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int port = 0, string? env = null)
        where T : ProcessResource
    {
        builder.Resource.Http = new HttpEndpoint(port);
        if (env is not null && builder.Resource is ExecutableResource executable)
        {
            executable.PortEnvironmentVariable = env;
        }

        return builder;
    }

    /// <summary>The resource is healthy once <paramref name="path"/> on its HTTP endpoint answers 200.</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health")
        where T : ProcessResource
    {
        builder.Resource.HealthCheckPath = path;
        return builder;
    }
}

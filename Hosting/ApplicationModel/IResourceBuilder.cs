namespace Hosting;

/// <summary>Configures one resource of the application model, as Aspire's <c>IResourceBuilder&lt;T&gt;</c> does.</summary>
public interface IResourceBuilder<out T>
    where T : IResource
{
    /// <summary>The resource being configured.</summary>
    T Resource { get; }

    /// <summary>The application builder the resource belongs to.</summary>
    DistributedApplicationBuilder ApplicationBuilder { get; }
}

internal sealed class ResourceBuilder<T>(T resource, DistributedApplicationBuilder applicationBuilder) : IResourceBuilder<T>
    where T : IResource
{
    public T Resource { get; } = resource;

    public DistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;
}

namespace Hosting;

/// <summary>Anything with a name in the application model.</summary>
public interface IResource
{
    /// <summary>The resource's name, unique in the application.</summary>
    string Name { get; }
}

/// <summary>A named part of the distributed application: a server, a database, a project, a parameter.</summary>
public abstract class Resource(string name) : IResource
{
    /// <summary>The resource's name, unique in the application; also the key of its connection string or service URL.</summary>
    public string Name { get; } = name;

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public List<Resource> WaitsFor { get; } = [];

    /// <summary>Resources whose connection string or endpoint this one receives.</summary>
    public List<Resource> References { get; } = [];

    /// <summary>Extra environment variables, resolved when the resource starts.</summary>
    public Dictionary<string, Func<string?>> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>A short word for the kind of resource, shown on the console and the dashboard.</summary>
    public abstract string Kind { get; }

    /// <summary>The resources this one cannot start without: the ones it waits for and the ones it references.</summary>
    public IEnumerable<Resource> Dependencies => WaitsFor.Concat(References).Distinct();
}

/// <summary>A resource that other resources reach through a connection string (<c>ConnectionStrings__name</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The resource whose process serves this one (itself, or a database's server).</summary>
    Resource Server { get; }
}

/// <summary>A resource with an HTTP endpoint that others find through <c>services__name__http__0</c>.</summary>
public interface IResourceWithServiceDiscovery : IResource
{
    /// <summary>The resource's HTTP endpoint.</summary>
    HttpEndpoint? Http { get; }
}

/// <summary>An HTTP endpoint: a fixed port, or 0 for one chosen when the application starts.</summary>
public sealed class HttpEndpoint(int port)
{
    /// <summary>The configured port; 0 asks for a free one.</summary>
    public int Port { get; set; } = port;
}

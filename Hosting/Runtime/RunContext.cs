using System.Collections;
using System.Globalization;

namespace Hosting.Runtime;

/// <summary>What every resource's launch needs: options, the state directory, the ports chosen for this run.</summary>
internal sealed class RunContext(
    AppHostOptions options,
    StateDirectory state,
    IReadOnlyDictionary<Resource, int> ports,
    IReadOnlyDictionary<(Resource Resource, string Endpoint), int>? endpointPorts = null,
    PortReservations? reservations = null)
{
    // What the AppHost itself was given for the wiring must not leak into a child: each child gets its own.
    private static readonly string[] WiringPrefixes =
        ["ConnectionStrings__", "services__", "OTEL_", "Parameters__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "AppHost__", "Resources__"];

    public AppHostOptions Options { get; } = options;

    public StateDirectory State { get; } = state;

    public int PortOf(Resource resource) =>
        ports.TryGetValue(resource, out var port) ? port : throw new InvalidOperationException($"'{resource.Name}' has no port.");

    public int PortOf(Resource resource, string endpoint) =>
        endpointPorts is not null && endpointPorts.TryGetValue((resource, endpoint), out var port)
            ? port
            : throw new InvalidOperationException($"'{resource.Name}' has no endpoint '{endpoint}'.");

    /// <summary>Frees the resource's reserved ports for its process, which is about to bind them.</summary>
    public void ReleasePortsOf(Resource resource)
    {
        if (reservations is null)
        {
            return;
        }

        if (ports.TryGetValue(resource, out var port))
        {
            reservations.Release(port);
        }

        foreach (var (key, endpointPort) in endpointPorts ?? new Dictionary<(Resource, string), int>())
        {
            if (key.Resource == resource)
            {
                reservations.Release(endpointPort);
            }
        }
    }

    public string EndpointUrl(Resource resource, string endpoint) => $"http://localhost:{PortOf(resource, endpoint).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The dashboard's addresses and keys for this run, when the application has a dashboard.</summary>
    public Dashboard.DashboardWiring? Dashboard { get; set; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _passwords = new(StringComparer.Ordinal);

    public string PasswordOf(Resource server) => _passwords.GetOrAdd(server.Name, name => State.GetOrCreateSecret(name + "-password"));

    public string ServiceUrl(Resource resource) => $"http://localhost:{PortOf(resource).ToString(CultureInfo.InvariantCulture)}";

    public string ConnectionString(IResourceWithConnectionString resource) => resource switch
    {
        PostgresServerResource server => $"Host=127.0.0.1;Port={PortOf(server)};Username={server.UserName};Password={PasswordOf(server)}",
        PostgresDatabaseResource database => $"{ConnectionString(database.Parent)};Database={database.DatabaseName}",
        RedisResource redis => $"127.0.0.1:{PortOf(redis)},password={PasswordOf(redis)}",
        _ => throw new NotSupportedException(resource.GetType().Name),
    };

    /// <summary>
    /// Where a service sends telemetry: <c>AppHost:OtlpEndpoint</c> when set (an external collector), else the
    /// dashboard's OTLP/gRPC receiver with its API key, else nowhere.
    /// </summary>
    private void AddTelemetryEnvironment(Dictionary<string, string> environment, Resource resource, string instanceId)
    {
        environment["OTEL_SERVICE_NAME"] = resource.Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId}";
        var (endpoint, protocol, headers) = (Options.OtlpEndpoint, Dashboard) switch
        {
            ({ Length: > 0 } configured, _) => (configured, Options.OtlpProtocol, Options.OtlpHeaders),
            (_, { } dashboard) => (dashboard.OtlpGrpcUrl, "grpc", dashboard.OtlpHeaders),
            _ => (null, null, null),
        };
        if (endpoint is null)
        {
            return;
        }

        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol!;
        // Short export intervals so a request shows up in the dashboard within seconds, as Aspire does.
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        if (!string.IsNullOrWhiteSpace(headers))
        {
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = headers;
        }
    }

    /// <summary>The AppHost's environment without anything that belongs to the wiring.</summary>
    public static Dictionary<string, string> InheritedEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var key = (string)entry.Key;
            if (!WiringPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                environment[key] = (string?)entry.Value ?? "";
            }
        }

        return environment;
    }

    /// <summary>The environment of a project or executable: inherited, plus Aspire's wiring.</summary>
    public Dictionary<string, string> ServiceEnvironment(Resource resource, string instanceId)
    {
        var environment = InheritedEnvironment();
        if (resource is ProjectResource { IsDashboard: true })
        {
            Dashboard?.AddDashboardEnvironment(environment);
        }
        else
        {
            AddTelemetryEnvironment(environment, resource, instanceId);
        }

        foreach (var reference in resource.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString target:
                    environment[$"ConnectionStrings__{target.Name}"] = ConnectionString(target);
                    break;
                case IResourceWithServiceDiscovery { Http: not null } service:
                    environment[$"services__{service.Name}__http__0"] = ServiceUrl(reference);
                    break;
            }
        }

        foreach (var (key, value) in resource.Environment)
        {
            if (value() is { } resolved)
            {
                environment[key] = resolved;
            }
        }

        return environment;
    }
}

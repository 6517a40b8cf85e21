using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Hosting;

/// <summary>The checks <see cref="DistributedApplicationBuilder.Build"/> makes, each failing with one message that names the problem.</summary>
internal static class ModelValidation
{
    private const string OverridesSection = "Resources";

    /// <summary><c>Resources:{name}:Port</c> overrides a resource's port; an unknown name or a malformed port is an error.</summary>
    public static void ApplyResourceOverrides(IConfiguration configuration, IReadOnlyList<Resource> resources)
    {
        foreach (var section in configuration.GetSection(OverridesSection).GetChildren())
        {
            var resource = resources.FirstOrDefault(r => r.Name == section.Key)
                ?? throw new DistributedApplicationException(
                    $"Configuration '{OverridesSection}:{section.Key}' names no resource. Known resources: {string.Join(", ", resources.Select(r => r.Name))}.");
            foreach (var setting in section.GetChildren())
            {
                if (resource is ProcessResource process && setting.Key.EndsWith("Port", StringComparison.Ordinal)
                    && process.AdditionalEndpoints.TryGetValue(setting.Key[..^"Port".Length], out var endpoint))
                {
                    endpoint.Port = ParsePort(setting.Path, setting.Value);
                    continue;
                }

                if (setting.Key != "Port")
                {
                    var known = resource is ProcessResource p ? string.Join("", p.AdditionalEndpoints.Keys.Select(k => $", {k}Port")) : "";
                    throw new DistributedApplicationException($"Configuration '{setting.Path}' is not a known setting; only Port{known} can be set for '{resource.Name}'.");
                }

                var port = ParsePort(setting.Path, setting.Value);
                switch (resource)
                {
                    case PostgresServerResource postgres: postgres.Port = port; break;
                    case RedisResource redis: redis.Port = port; break;
                    case ProcessResource { Http: { } http }: http.Port = port; break;
                    default: throw new DistributedApplicationException($"Configuration '{setting.Path}': resource '{resource.Name}' has no port.");
                }
            }
        }
    }

    public static int ParsePort(string key, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new DistributedApplicationException($"Configuration '{key}' is '{value}', which is not a port (0-65535; 0 picks a free one).");

    public static void ReadParameters(IConfiguration configuration, IReadOnlyList<Resource> resources)
    {
        foreach (var parameter in resources.OfType<ParameterResource>())
        {
            var value = configuration[parameter.ConfigurationKey];
            parameter.Value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (parameter.Value is null && !parameter.Optional && !parameter.Generated)
            {
                throw new DistributedApplicationException(
                    $"Parameter '{parameter.Name}' has no value. Set {parameter.ConfigurationKey} with dotnet user-secrets, the environment variable Parameters__{parameter.Name}, or .env.local.");
            }
        }
    }

    /// <summary>Every reference points into this application, and nothing waits for itself.</summary>
    public static void CheckGraph(IReadOnlyList<Resource> resources)
    {
        foreach (var resource in resources)
        {
            foreach (var dependency in resource.Dependencies.Where(d => !resources.Contains(d)))
            {
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' references '{dependency.Name}', which is not part of this application.");
            }
        }

        var visiting = new HashSet<Resource>();
        var done = new HashSet<Resource>();
        foreach (var resource in resources)
        {
            Visit(resource, []);
        }

        void Visit(Resource resource, List<Resource> path)
        {
            if (done.Contains(resource))
            {
                return;
            }

            if (!visiting.Add(resource))
            {
                var cycle = path.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException($"Resources wait for each other in a cycle: {string.Join(" -> ", cycle)}.");
            }

            path.Add(resource);
            foreach (var dependency in DependencyGraph.DependenciesOf(resource))
            {
                Visit(dependency, path);
            }

            path.RemoveAt(path.Count - 1);
            visiting.Remove(resource);
            done.Add(resource);
        }
    }
}

/// <summary>Who needs whom: for start order (WaitFor) and reverse stop order.</summary>
internal static class DependencyGraph
{
    public static IEnumerable<Resource> DependenciesOf(Resource resource) =>
        resource is PostgresDatabaseResource database ? resource.Dependencies.Append(database.Parent).Distinct() : resource.Dependencies;
}

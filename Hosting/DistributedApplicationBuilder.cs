using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using dotenv.net;
using Hosting.Testing;
using Microsoft.Extensions.Configuration;

namespace Hosting;

/// <summary>Builds the application model, as Aspire's <c>IDistributedApplicationBuilder</c> does.</summary>
public sealed class DistributedApplicationBuilder
{
    private static readonly System.Text.RegularExpressions.Regex ValidName = new("^[a-z][a-z0-9-]{0,62}$");
    private readonly List<Resource> _resources = [];
    private readonly TestingHook? _testing;

    internal DistributedApplicationBuilder(string[] args, Assembly appHostAssembly, TestingHook? testing)
    {
        _testing = testing;
        AppHostName = appHostAssembly.GetName().Name ?? "AppHost";
        AppHostDirectory = appHostAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value ?? AppContext.BaseDirectory;
        // Names containers, volumes and the state directory: lower-case letters, digits and hyphens only.
        var safeName = System.Text.RegularExpressions.Regex.Replace(AppHostName.ToLowerInvariant(), "[^a-z0-9-]", "-");
        AppHostId = $"{safeName}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AppHostDirectory)))[..8]}";
        EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development";

        Configuration = new ConfigurationManager();
        Configuration.SetBasePath(AppHostDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{EnvironmentName}.json", optional: true);
        if (EnvironmentName == "Development")
        {
            Configuration.AddUserSecrets(appHostAssembly, optional: true);
        }

        Configuration.AddInMemoryCollection(ReadDotEnv(Path.Combine(AppHostDirectory, ".env.local")))
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        if (testing is not null)
        {
            Configuration.AddInMemoryCollection(testing.Configuration);
        }
    }

    /// <summary>The AppHost's configuration: appsettings, user secrets, <c>.env.local</c>, environment, command line.</summary>
    public ConfigurationManager Configuration { get; }

    /// <summary>The AppHost project's directory (where <c>.env.local</c> is read).</summary>
    public string AppHostDirectory { get; }

    /// <summary>The AppHost's assembly name.</summary>
    public string AppHostName { get; }

    /// <summary>A stable id of this AppHost (name and directory), used for state and container names.</summary>
    public string AppHostId { get; }

    /// <summary>The AppHost's own environment name.</summary>
    public string EnvironmentName { get; }

    /// <summary>The resources added so far.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>Adds a resource; its name must be unique, lower-case letters, digits and hyphens.</summary>
    public IResourceBuilder<T> AddResource<T>(T resource)
        where T : Resource
    {
        if (!ValidName.IsMatch(resource.Name))
        {
            throw new DistributedApplicationException(
                $"Resource name '{resource.Name}' is not valid: use lower-case letters, digits and hyphens, starting with a letter.");
        }

        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new DistributedApplicationException($"There is already a resource named '{resource.Name}'.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <summary>Checks the model and the configuration and builds the application; a problem stops here with a message naming it.</summary>
    public DistributedApplication Build()
    {
        _testing?.Configure?.Invoke(this);
        var options = BindOptions();
        ModelValidation.ApplyResourceOverrides(Configuration, _resources);
        ModelValidation.ReadParameters(Configuration, _resources);
        ModelValidation.CheckGraph(_resources);
        var app = new DistributedApplication([.. _resources], options, AppHostId);
        _testing?.Capture(app);
        return app;
    }

    private AppHostOptions BindOptions()
    {
        var options = new AppHostOptions();
        try
        {
            Configuration.GetSection(AppHostOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new DistributedApplicationException($"Invalid configuration: {ex.Message}", ex);
        }

        if (options.ContainerRuntime is not ("auto" or "docker" or "podman" or "none") && !Path.IsPathFullyQualified(options.ContainerRuntime))
        {
            throw new DistributedApplicationException(
                $"AppHost:ContainerRuntime is '{options.ContainerRuntime}'; use auto, docker, podman, none, or the full path of a docker-compatible command.");
        }

        options.StateDirectory ??= Runtime.StateDirectory.DefaultRoot(AppHostId);
        options.OtlpEndpoint ??= Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (options.OtlpEndpoint is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new DistributedApplicationException($"AppHost:OtlpEndpoint is '{endpoint}', which is not an absolute URL.");
        }

        return options;
    }

    private static Dictionary<string, string?> ReadDotEnv(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var values = DotEnv.Fluent().WithEnvFiles(path).WithTrimValues().Read();
        return values.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value, StringComparer.OrdinalIgnoreCase);
    }
}

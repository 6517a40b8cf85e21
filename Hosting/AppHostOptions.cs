namespace Hosting;

/// <summary>Settings of the orchestrator, from configuration section <c>AppHost</c>.</summary>
public sealed class AppHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AppHost";

    /// <summary>Where data, secrets, logs and process records live. Default: a per-user directory (see README).</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Install missing PostgreSQL or Redis packages with apt-get (Debian/Ubuntu, as root or with passwordless sudo).</summary>
    public bool AutoInstall { get; set; } = true;

    /// <summary>
    /// <c>auto</c> (probe docker, then podman), <c>docker</c>, <c>podman</c>, <c>none</c> (always local processes),
    /// or the full path of a docker-compatible command.
    /// </summary>
    public string ContainerRuntime { get; set; } = "auto";

    /// <summary>Stream every resource's console output to this console, prefixed with the resource's name.</summary>
    public bool StreamConsole { get; set; } = true;

    /// <summary>Print progress and the resource table.</summary>
    public bool ShowProgress { get; set; } = true;

    /// <summary>Give every HTTP endpoint a free port instead of its documented one (tests, parallel stacks).</summary>
    public bool UseDynamicPorts { get; set; }

    /// <summary>How long a stopping process has between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a process has to become healthy before it is counted as failed and restarted.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The longest pause between restarts of a crashing resource.</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>ASPNETCORE_ENVIRONMENT</c> handed to projects.</summary>
    public string ServiceEnvironment { get; set; } = "Development";

    /// <summary>Where services send telemetry (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); unset sends none.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Headers for the OTLP exporter, <c>key=value</c> comma-separated (e.g. the dashboard's API key).</summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>A PostgreSQL <c>bin</c> directory to use instead of the newest under <c>/usr/lib/postgresql</c>.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>The <c>redis-server</c> to use instead of the one on PATH.</summary>
    public string? RedisServerPath { get; set; }
}

namespace Hosting.Runtime;

/// <summary>Start, stop and restart on request, and what the dashboard shows of each resource beyond its snapshot.</summary>
internal sealed partial class Orchestrator
{
    /// <summary>
    /// Runs <paramref name="command"/> (<see cref="ResourceCommands"/>) on a process resource. Commands on one
    /// resource run one at a time; <paramref name="cancellationToken"/> only gives up waiting for an earlier one.
    /// </summary>
    public async Task<ResourceCommandResult> ExecuteCommandAsync(string resourceName, string command, CancellationToken cancellationToken)
    {
        if (Resources.FirstOrDefault(r => r.Name == resourceName) is not { } resource)
        {
            return new(false, $"No resource named '{resourceName}'.", ResourceCommandFailure.UnknownResource);
        }

        if (!ResourceCommands.IsKnown(command))
        {
            return new(false, $"Unknown command '{command}'; use one of: {string.Join(", ", ResourceCommands.All)}.", ResourceCommandFailure.UnknownCommand);
        }

        if (RunnerOf(resource) is not { } runner)
        {
            return ResourceCommandResult.NotApplicable(IsStopping ? "The AppHost is stopping." : "The application has not started yet.");
        }

        return command switch
        {
            ResourceCommands.Start => await runner.StartByUserAsync(cancellationToken),
            ResourceCommands.Stop => await runner.StopByUserAsync(_options.StopTimeout, cancellationToken),
            _ => await runner.RestartByUserAsync(_options.StopTimeout, cancellationToken),
        };
    }

    /// <summary>The commands that apply to a resource in the state <paramref name="snapshot"/> shows.</summary>
    public IReadOnlyList<string> CommandsOf(ResourceSnapshot snapshot)
    {
        if (Resources.FirstOrDefault(r => r.Name == snapshot.Name) is not { } resource || RunnerOf(resource) is not { SupportsCommands: true })
        {
            return [];
        }

        return snapshot.State switch
        {
            ResourceStateKind.Finished or ResourceStateKind.FailedToStart => [ResourceCommands.Start],
            ResourceStateKind.Waiting or ResourceStateKind.Starting or ResourceStateKind.Running
                or ResourceStateKind.Unhealthy or ResourceStateKind.Restarting => [ResourceCommands.Stop, ResourceCommands.Restart],
            _ => [],
        };
    }

    /// <summary>The variables the AppHost sets for a process resource (not what it inherits); empty for other resources.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> WiringEnvironmentOf(string resourceName) =>
        Resources.FirstOrDefault(r => r.Name == resourceName) is { } resource && RunnerOf(resource, evenWhileStopping: true) is ProcessRunner process
            ? process.WiringEnvironment()
            : [];

    private bool IsStopping
    {
        get
        {
            lock (_gate)
            {
                return _stop is not null;
            }
        }
    }

    /// <summary>The resource's runner while the application runs; null before it has started and (unless asked) once it is stopping.</summary>
    private ResourceRunner? RunnerOf(Resource resource, bool evenWhileStopping = false)
    {
        lock (_gate)
        {
            return (_stop is null || evenWhileStopping) && _runners.TryGetValue(resource, out var runner) ? runner : null;
        }
    }
}

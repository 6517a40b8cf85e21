using Hosting.Runtime;

namespace Hosting.Dashboard;

/// <summary>Turns a snapshot into what the dashboard is sent.</summary>
internal static class ResourceProjection
{
    public static ResourceDto ToDto(Orchestrator orchestrator, ResourceSnapshot snapshot)
    {
        var secrets = orchestrator.Resources.OfType<ParameterResource>()
            .Where(parameter => parameter.Secret && !string.IsNullOrEmpty(parameter.Value))
            .Select(parameter => parameter.Value!)
            .ToList();
        var environment = orchestrator.WiringEnvironmentOf(snapshot.Name)
            .Select(variable => SecretMasking.MaskVariable(variable.Key, variable.Value, secrets))
            .ToList();
        return new ResourceDto(
            snapshot.Name,
            snapshot.Kind,
            snapshot.State.ToString(),
            snapshot.ProcessId,
            snapshot.Restarts,
            snapshot.StartedAt,
            snapshot.Urls,
            snapshot.ExitCode,
            snapshot.Message,
            orchestrator.CommandsOf(snapshot),
            environment);
    }
}

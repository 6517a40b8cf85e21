using System.Globalization;
using Hosting.Processes;
using Hosting.Runtime;

namespace Hosting.Projects;

/// <summary>Runs any executable with the wiring in its environment.</summary>
internal sealed class ExecutablePlan(ExecutableResource resource, RunContext context) : ResourcePlan
{
    public override ProcessSpec CreateSpec()
    {
        var environment = context.ServiceEnvironment(resource, resource.Name);
        if (resource.Http is not null && resource.PortEnvironmentVariable is { } portVariable)
        {
            environment[portVariable] = context.PortOf(resource).ToString(CultureInfo.InvariantCulture);
        }

        return new ProcessSpec(resource.Command, resource.Args, resource.WorkingDirectory) { Environment = environment };
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => (resource.Http, resource.HealthCheckPath) switch
    {
        (null, _) => Task.FromResult(true),
        (_, { } path) => HealthProbes.HttpOkAsync(new Uri(new Uri(context.ServiceUrl(resource)), path), cancellationToken),
        _ => HealthProbes.TcpOpenAsync(context.PortOf(resource), cancellationToken),
    };

    public override IReadOnlyList<string> Urls => resource.Http is null ? [] : [context.ServiceUrl(resource)];
}

using Hosting.Postgres;

namespace Hosting.Runtime;

/// <summary>A parameter is ready as soon as the application starts (its value was checked when the model was built).</summary>
internal sealed class ParameterRunner(ParameterResource resource, ResourceNotificationService notifications)
    : ResourceRunner(resource, notifications)
{
    protected override Task RunAsync(CancellationToken stopping)
    {
        Publish(ResourceStateKind.Running, resource.Value is null ? "not set" : resource.Secret ? "secret (masked)" : resource.Value);
        return Task.CompletedTask;
    }
}

/// <summary>A database is healthy once its server is and it answers a query.</summary>
internal sealed class DatabaseRunner(PostgresDatabaseResource resource, RunContext context, ResourceNotificationService notifications)
    : ResourceRunner(resource, notifications)
{
    protected override async Task RunAsync(CancellationToken stopping)
    {
        Publish(ResourceStateKind.Starting);
        await Notifications.WaitForResourceHealthyAsync(resource.Parent.Name, stopping);
        while (!await PostgresProbe.CanQueryAsync(context.ConnectionString(resource), stopping))
        {
            await Task.Delay(200, stopping);
        }

        Publish(ResourceStateKind.Running);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Hosting.Containers;
using Hosting.Processes;

namespace Hosting.Runtime;

/// <summary>What the AppHost started, written down so that a later AppHost can stop what outlived this one.</summary>
internal sealed record ProcessRecord(string Resource, int ProcessId, long StartTicks, int StopSignal, string? ContainerName, string? ContainerRuntime);

[JsonSerializable(typeof(ProcessRecord))]
internal sealed partial class ProcessRecordJsonContext : JsonSerializerContext;

/// <summary>The <c>run/</c> folder of the state directory.</summary>
internal sealed class ProcessRecords(StateDirectory state, ResourceLog appHostLog)
{
    public void Write(ProcessRecord record)
    {
        var json = JsonSerializer.Serialize(record, ProcessRecordJsonContext.Default.ProcessRecord);
        File.WriteAllText(PathOf(record.Resource), json);
    }

    public void Delete(string resource) => File.Delete(PathOf(resource));

    /// <summary>Stops every recorded process or container that is still running, and forgets the records.</summary>
    public async Task<int> StopLeftoversAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stops = Directory.GetFiles(state.Records, "*.json").Select(file => StopLeftoverAsync(file, timeout, cancellationToken));
        var stopped = await Task.WhenAll(stops);
        return stopped.Count(s => s);
    }

    private async Task<bool> StopLeftoverAsync(string file, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ProcessRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(File.ReadAllText(file), ProcessRecordJsonContext.Default.ProcessRecord);
        }
        catch (JsonException)
        {
            File.Delete(file);
            return false;
        }

        if (record is null)
        {
            return false;
        }

        var stopped = false;
        if (record.ContainerName is not null && record.ContainerRuntime is not null)
        {
            stopped = await ContainerCli.RemoveIfPresentAsync(record.ContainerRuntime, record.ContainerName, cancellationToken);
            if (stopped)
            {
                appHostLog.Write($"Removed leftover container '{record.ContainerName}' of resource '{record.Resource}' from an earlier AppHost run.");
            }
        }

        if (ProcessInfo.IsSameProcess(record.ProcessId, record.StartTicks))
        {
            appHostLog.Write($"Stopping leftover process of resource '{record.Resource}' (pid {record.ProcessId}) from an earlier AppHost run.");
            await ProcessStopper.StopAsync(record.ProcessId, record.StartTicks, record.StopSignal, timeout, cancellationToken);
            stopped = true;
        }

        File.Delete(file);
        return stopped;
    }

    private string PathOf(string resource) => Path.Combine(state.Records, resource + ".json");
}

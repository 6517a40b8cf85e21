using System.Text.Json;

namespace AppHost.Tests;

/// <summary>A state directory of the test's own. Removing it first kills whatever its records name, so a failed test leaves no server behind.</summary>
internal static class TestState
{
    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), "apphost-tests", Guid.NewGuid().ToString("N")[..12]);

    public static List<int> RecordedPids(string state) =>
        Directory.Exists(Path.Combine(state, "run"))
            ? [.. Directory.GetFiles(Path.Combine(state, "run"), "*.json")
                .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("ProcessId").GetInt32())]
            : [];

    public static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            return File.ReadAllText(stat).Split(") ")[1][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static void Remove(string state)
    {
        foreach (var pid in RecordedPids(state).Where(IsRunning))
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }

        if (Directory.Exists(state))
        {
            Directory.Delete(state, recursive: true);
        }
    }
}

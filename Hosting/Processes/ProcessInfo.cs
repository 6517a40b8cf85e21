using System.Globalization;

namespace Hosting.Processes;

/// <summary>What <c>/proc</c> says of a process: enough to tell it from a later one that reused its PID.</summary>
internal static class ProcessInfo
{
    /// <summary>The process's start time in clock ticks since boot (field 22 of <c>/proc/{pid}/stat</c>), or null when it is gone.</summary>
    public static long? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (afterName[0] == "Z")
            {
                return null;
            }

            return long.Parse(afterName[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Whether the process with this PID is the one that started at <paramref name="startTicks"/> and still runs.</summary>
    public static bool IsSameProcess(int pid, long startTicks) => StartTicks(pid) == startTicks;
}

using System.Globalization;

namespace Gateway.Bench.Processes;

/// <summary>What <c>/proc</c> says about a process (memory, CPU, children) and about the machine's CPU.</summary>
internal static class ProcFs
{
    // USER_HZ: the unit of /proc's CPU times, 100 on every Linux ABI .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>VmRSS and VmHWM (the peak), in bytes.</summary>
    public static (long Rss, long Peak) Memory(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return (rss, peak);
    }

    /// <summary>User + system CPU the process has used so far; zero once it is gone.</summary>
    public static TimeSpan CpuTime(int pid) => Ticks(StatFields(pid), 11, 12);

    /// <summary>
    /// CPU of a process, of its live descendants, and of the children each has already reaped (cutime/cstime: wrk's,
    /// once it has exited).
    /// </summary>
    public static TimeSpan TreeCpuTime(int pid)
    {
        var fields = StatFields(pid);
        return Ticks(fields, 11, 12) + Ticks(fields, 13, 14) + Children(pid).Aggregate(TimeSpan.Zero, (sum, child) => sum + TreeCpuTime(child));
    }

    /// <summary>The direct children of a process (nginx's workers under its master).</summary>
    public static IReadOnlyList<int> Children(int pid) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var child) ? child : 0)
            .Where(child => child > 0 && StatFields(child) is { } fields && fields[1] == pid.ToString(CultureInfo.InvariantCulture))];

    /// <summary>Busy and total CPU time of the whole machine (all cores), from the first line of <c>/proc/stat</c>.</summary>
    public static (TimeSpan Busy, TimeSpan Total) MachineCpu()
    {
        var values = File.ReadLines("/proc/stat").First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture))
            .ToArray();
        var total = values.Take(8).Sum(); // user nice system idle iowait irq softirq steal; guest is inside user
        var idle = values[3] + values[4];
        return (TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }

    // The fields after "pid (comm)": state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14]. comm may hold spaces.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static TimeSpan Ticks(string[]? fields, int user, int system) => fields is null
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds((long.Parse(fields[user], CultureInfo.InvariantCulture) + long.Parse(fields[system], CultureInfo.InvariantCulture)) / TicksPerSecond);

    // "VmRSS:	  123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
}

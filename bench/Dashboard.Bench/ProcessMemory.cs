using System.Globalization;

namespace Dashboard.Bench;

/// <summary>A process's resident memory (VmRSS) and its peak (VmHWM), in bytes, from <c>/proc/&lt;pid&gt;/status</c>.</summary>
internal readonly record struct ProcessMemory(long Rss, long Peak)
{
    public static ProcessMemory Read(int pid)
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

        return new ProcessMemory(rss, peak);
    }

    // "VmRSS:	  123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
}

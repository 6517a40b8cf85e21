namespace Gateway.Bench;

/// <summary>The programs the benchmark starts that do not come with .NET (Debian packages: wrk, nginx-light, redis-server).</summary>
internal static class Tools
{
    public static void RequireOnPath(params string[] names)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        var missing = names.Where(name => !path.Any(directory => File.Exists(Path.Combine(directory, name)))).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"Not found on PATH: {string.Join(", ", missing)}. On Debian: apt-get install -y wrk nginx-light redis-server");
        }
    }
}

using System.Globalization;

namespace Hosting.Postgres;

/// <summary>The PostgreSQL server programs of this machine: Debian keeps one set per major version.</summary>
internal sealed record PostgresBinaries(string BinDirectory, int MajorVersion)
{
    public string Postgres => Path.Combine(BinDirectory, "postgres");

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public static PostgresBinaries? Find(string? configuredBinDirectory)
    {
        if (configuredBinDirectory is not null)
        {
            return FromDirectory(configuredBinDirectory, versionHint: null)
                ?? throw new DistributedApplicationException(
                    $"AppHost:PostgresBinDirectory is '{configuredBinDirectory}', which holds no 'postgres' and 'initdb'.");
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.Version)
                .Select(d => FromDirectory(d.Dir, d.Version))
                .FirstOrDefault(b => b is not null)
            : null;
        return debian ?? new[] { "/usr/local/pgsql/bin", "/usr/local/bin", "/usr/bin" }
            .Select(d => FromDirectory(d, versionHint: null))
            .FirstOrDefault(b => b is not null);
    }

    private static PostgresBinaries? FromDirectory(string directory, int? versionHint)
    {
        if (!File.Exists(Path.Combine(directory, "postgres")) || !File.Exists(Path.Combine(directory, "initdb")))
        {
            return null;
        }

        return new PostgresBinaries(directory, versionHint ?? ReadVersion(Path.Combine(directory, "postgres")));
    }

    private static int ReadVersion(string postgres)
    {
        // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(postgres, "--version")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var version = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => char.IsDigit(t[0])) ?? "0";
        return int.Parse(version.Split('.')[0], CultureInfo.InvariantCulture);
    }
}

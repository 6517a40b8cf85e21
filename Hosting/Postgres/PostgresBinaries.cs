using System.Globalization;

using Hosting.Processes;

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
        if (!Executable.Exists(Path.Combine(directory, "postgres")) || !Executable.Exists(Path.Combine(directory, "initdb")))
        {
            return null;
        }

        var version = versionHint ?? ReadVersion(Path.Combine(directory, "postgres"));
        return version > 0 ? new PostgresBinaries(directory, version) : null;
    }

    /// <summary>The major version from "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)", or 0 when it cannot be read.</summary>
    private static int ReadVersion(string postgres)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(postgres, "--version")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return ParseMajorVersion(text);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }

    internal static int ParseMajorVersion(string versionText)
    {
        var version = versionText.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(t => char.IsDigit(t[0])) ?? "0";
        return int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0;
    }
}

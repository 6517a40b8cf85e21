using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;

namespace Dashboard.Bench;

/// <summary>
/// The dashboard, built in the same configuration, run as its own process (<c>dotnet Dashboard.dll</c>) on free
/// loopback ports so its memory is measured alone. Disposing it kills it; so does the benchmark's own exit.
/// </summary>
internal sealed class DashboardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DashboardOutput _output;

    private DashboardProcess(Process process, DashboardOutput output, int maxSpanCount)
    {
        _process = process;
        _output = output;
        MaxSpanCount = maxSpanCount;
        AppDomain.CurrentDomain.ProcessExit += Kill;
    }

    public Uri FrontendUrl { get; } = FreeLoopbackUrl();

    public Uri GrpcUrl { get; } = FreeLoopbackUrl();

    public Uri HttpUrl { get; } = FreeLoopbackUrl();

    public string ApiKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string BrowserToken { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public int MaxSpanCount { get; }

    public int Pid => _process.Id;

    public ProcessMemory Memory => ProcessMemory.Read(_process.Id);

    /// <summary>User + system CPU the dashboard has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static string AssemblyPath => typeof(DashboardProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "DashboardAssemblyPath").Value!;

    public static async Task<DashboardProcess> StartAsync(int maxSpanCount, CancellationToken cancellationToken)
    {
        var output = new DashboardOutput();
        var process = new Process { StartInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(AssemblyPath) } };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        var dashboard = new DashboardProcess(process, output, maxSpanCount);
        dashboard.Configure(process.StartInfo);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await dashboard.WaitUntilHealthyAsync(cancellationToken);
            return dashboard;
        }
        catch
        {
            await dashboard.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= Kill;
        Kill(null, EventArgs.Empty);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Configure(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.ArgumentList.Add(AssemblyPath);
        foreach (var (key, value) in Settings())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // The key and the token go in the environment: a command line is readable by every user (ps).
        start.Environment["Dashboard__Otlp__PrimaryApiKey"] = ApiKey;
        start.Environment["Dashboard__Frontend__BrowserToken"] = BrowserToken;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS"); // the frontend would default to it
    }

    private IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("Dashboard:Frontend:EndpointUrls", FrontendUrl.ToString()),
        ("Dashboard:Otlp:GrpcEndpointUrl", GrpcUrl.ToString()),
        ("Dashboard:Otlp:HttpEndpointUrl", HttpUrl.ToString()),
        ("Dashboard:TelemetryLimits:MaxSpanCount", MaxSpanCount.ToString(CultureInfo.InvariantCulture)),
        ("Logging:LogLevel:Default", "Warning"),
    ];

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = FrontendUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The dashboard exited with code {_process.ExitCode} while starting:\n{_output}");
            }

            try
            {
                using var response = await client.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The dashboard did not answer {FrontendUrl}health within 60 s:\n{_output}");
    }

    private void Kill(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    // Bound, read and released: another process could take the port in between, which on a quiet loopback is rare enough.
    private static Uri FreeLoopbackUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }
}

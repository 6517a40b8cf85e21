using Spectre.Console;

namespace Hosting.ConsoleOutput;

/// <summary>
/// The AppHost's console: state changes while starting, a table of resources once all are healthy, restarts as
/// they happen, and (with AppHost:StreamConsole) every resource's output prefixed with its name.
/// </summary>
internal sealed class ConsoleReporter : IDisposable
{
    private static readonly string[] Palette = ["aqua", "fuchsia", "yellow", "lime", "dodgerblue1", "orange1", "mediumpurple", "springgreen2"];
    private readonly DistributedApplication _app;
    private readonly Lock _console = new();
    private readonly Dictionary<string, ResourceStateKind> _lastStates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _colors = new(StringComparer.Ordinal);
    private readonly int _nameWidth;
    private readonly List<(ResourceLog Log, Action<LogLine> Handler)> _subscriptions = [];

    public ConsoleReporter(DistributedApplication app)
    {
        _app = app;
        if (System.Console.IsOutputRedirected)
        {
            // A log file or a CI console: no colour codes, and no wrapping at 80 columns.
            AnsiConsole.Profile.Capabilities.Ansi = false;
            AnsiConsole.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
            AnsiConsole.Profile.Width = 4096;
        }

        _nameWidth = app.ResourceLogs.Keys.Max(k => k.Length);
        var index = 0;
        foreach (var name in app.ResourceLogs.Keys)
        {
            _colors[name] = Palette[index++ % Palette.Length];
        }

        foreach (var log in app.ResourceLogs.Values)
        {
            if (log.ResourceName == Runtime.Orchestrator.AppHostLogName || app.Options.StreamConsole)
            {
                Action<LogLine> handler = line => WriteLine(log.ResourceName, line);
                log.LineWritten += handler;
                _subscriptions.Add((log, handler));
            }
        }

        app.ResourceNotifications.Changed += OnStateChanged;
    }

    private bool _consoleGone;

    private void WriteLine(string resource, LogLine line)
    {
        var text = Markup.Escape(line.Text);
        Print($"[{_colors[resource]}]{Markup.Escape(resource.PadRight(_nameWidth))} |[/] {(line.IsError ? $"[red]{text}[/]" : text)}");
    }

    /// <summary>One line to the console; once the terminal is gone (closed window, broken pipe) the AppHost goes on silently.</summary>
    private void Print(string markup) => Write(() => AnsiConsole.MarkupLine(markup));

    private void Write(Action write)
    {
        lock (_console)
        {
            if (_consoleGone)
            {
                return;
            }

            try
            {
                write();
            }
            catch (IOException)
            {
                _consoleGone = true;
            }
        }
    }

    private void OnStateChanged(ResourceSnapshot snapshot)
    {
        lock (_console)
        {
            if (snapshot.State is ResourceStateKind.NotStarted
                || (_lastStates.TryGetValue(snapshot.Name, out var previous) && previous == snapshot.State))
            {
                return;
            }

            _lastStates[snapshot.Name] = snapshot.State;
        }

        var detail = snapshot.Message is null ? "" : $" [grey]({Markup.Escape(snapshot.Message)})[/]";
        Print($"[grey]{DateTime.Now:HH:mm:ss}[/] [{_colors[snapshot.Name]}]{Markup.Escape(snapshot.Name)}[/] {StateMarkup(snapshot.State)}{detail}");
    }

    public void PrintSummary()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Resources[/]");
        table.AddColumns("Name", "Type", "State", "PID", "URLs");
        foreach (var snapshot in _app.ResourceNotifications.Current)
        {
            table.AddRow(
                Markup.Escape(snapshot.Name),
                snapshot.Kind,
                StateMarkup(snapshot.State),
                snapshot.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(string.Join(" ", snapshot.Urls)));
        }

        Write(() =>
        {
            AnsiConsole.Write(table);
            if (_app.DashboardLoginUrl is { } login)
            {
                // The token changes at every start; it is printed here only, never written to a log file.
                AnsiConsole.MarkupLine($"[bold]Dashboard:[/] [link]{Markup.Escape(login.ToString())}[/]");
            }

            AnsiConsole.MarkupLine($"[grey]State directory: {Markup.Escape(_app.Options.StateDirectory ?? "")}. Press Ctrl+C to stop.[/]");
        });
    }

    public void Stopping()
    {
        Print("[yellow]Stopping: dependents first, then their dependencies...[/]");
    }

    public void Stopped()
    {
        Print("[green]All resources stopped.[/]");
    }

    private static string StateMarkup(ResourceStateKind state) => state switch
    {
        ResourceStateKind.Running => "[green]Running[/]",
        ResourceStateKind.Unhealthy or ResourceStateKind.Restarting => $"[yellow]{state}[/]",
        ResourceStateKind.FailedToStart => "[red]FailedToStart[/]",
        _ => state.ToString(),
    };

    public void Dispose()
    {
        _app.ResourceNotifications.Changed -= OnStateChanged;
        foreach (var (log, handler) in _subscriptions)
        {
            log.LineWritten -= handler;
        }
    }
}

using Microsoft.Extensions.Logging;

namespace Hosting.Dashboard;

/// <summary>The resource service's own ASP.NET Core warnings and errors, into the AppHost's log (not its console stream of every request).</summary>
internal sealed class ResourceLogLoggerProvider(ResourceLog log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(log, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ResourceLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var detail = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
                log.Write($"[resource service] {category}: {formatter(state, exception)}{detail}", isError: logLevel >= LogLevel.Error);
            }
        }
    }
}

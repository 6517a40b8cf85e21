namespace Hosting.Runtime;

/// <summary>
/// A <see cref="DistributedApplicationException"/> is the user's to fix: print its message alone and exit with 1,
/// rather than the runtime's stack trace.
/// </summary>
internal static class FriendlyErrors
{
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception ex && Unwrap(ex) is DistributedApplicationException problem)
            {
                System.Console.Error.WriteLine($"AppHost stopped: {problem.Message}");
                Environment.Exit(1);
            }
        };
    }

    private static Exception Unwrap(Exception ex) =>
        ex is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : ex;
}

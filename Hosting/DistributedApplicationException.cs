namespace Hosting;

/// <summary>
/// A problem the person running the AppHost can fix (bad configuration, a taken port, a missing program).
/// The AppHost prints its message alone, without a stack trace, and exits with code 1.
/// </summary>
public sealed class DistributedApplicationException(string message, Exception? innerException = null)
    : Exception(message, innerException);

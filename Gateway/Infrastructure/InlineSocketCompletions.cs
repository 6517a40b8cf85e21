namespace Gateway.Infrastructure;

/// <summary>
/// Socket completions run on the sockets' event threads (one per core) instead of being queued to the thread pool, and
/// Kestrel schedules its reads and writes there too (<c>SocketTransportOptions.UnsafePreferInlineScheduling</c> follows
/// the same variable). A proxy does little but move bytes between two sockets, so the thread hops and wake-ups it saves
/// are a large share of its CPU (bench/README.md). It is safe because nothing on the Gateway's request path blocks a
/// thread: every wait is awaited. The runtime reads the variable once, when the first socket is made.
/// </summary>
internal static class InlineSocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>On, unless the environment already says (<c>0</c> turns it off); call before anything opens a socket.</summary>
    public static void EnableUnlessSet()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}

namespace Gateway.Bench.Load;

/// <summary>One way to reach the stub: directly, through nginx, or through the gateway; and which processes are the proxy.</summary>
internal sealed record Target(string Name, Uri BaseAddress, Func<IReadOnlyList<int>> ProxyPids)
{
    public Uri MessagesUri { get; } = new(BaseAddress, "/v1/messages");
}

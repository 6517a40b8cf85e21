using System.Net;
using System.Net.Sockets;

namespace Gateway.Bench.Processes;

internal static class FreePort
{
    // Bound, read and released: another process could take the port in between, which on a quiet loopback is rare enough.
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

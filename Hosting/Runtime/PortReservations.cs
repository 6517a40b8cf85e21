using System.Net;
using System.Net.Sockets;

namespace Hosting.Runtime;

/// <summary>
/// Free ports picked for this run, each held by a bound (not listening) socket until its resource's process starts,
/// so another application picking free ports meanwhile (a second AppHost, a test's stack) cannot be handed the same
/// one while a resource waits for its dependencies. <see cref="Release"/> it right before the process binds it.
/// </summary>
internal sealed class PortReservations : IDisposable
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;
    private readonly Dictionary<int, Socket> _held = [];
    private readonly Lock _gate = new();

    /// <summary>A port free on 127.0.0.1, held until released.</summary>
    public int ReserveFree()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            // .NET's Bind sets SO_REUSEADDR on Linux, and with it on both sides Linux lets a second socket bind the
            // port while neither listens: cleared after the bind (SocketOptionName.ReuseAddress is SO_REUSEPORT here).
            socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(0));
            var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
            lock (_gate)
            {
                _held[port] = socket;
            }

            return port;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="port"/> is still held for its resource.</summary>
    public bool Holds(int port)
    {
        lock (_gate)
        {
            return _held.ContainsKey(port);
        }
    }

    /// <summary>Lets the resource's process bind <paramref name="port"/>; a port never reserved is ignored.</summary>
    public void Release(int port)
    {
        lock (_gate)
        {
            if (_held.Remove(port, out var socket))
            {
                socket.Dispose();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var socket in _held.Values)
            {
                socket.Dispose();
            }

            _held.Clear();
        }
    }
}

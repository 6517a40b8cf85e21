using System.Net;
using System.Net.Sockets;

namespace Hosting.Runtime;

/// <summary>Gives every resource that listens its port for this run: the configured one if free (else a clear error), or a free one.</summary>
internal static class PortAllocator
{
    public static Dictionary<Resource, int> Allocate(IEnumerable<Resource> resources, bool dynamicPorts)
    {
        var ports = new Dictionary<Resource, int>();
        foreach (var resource in resources)
        {
            if (ConfiguredPort(resource) is { } configured)
            {
                ports[resource] = Pick(configured, resource.Name, $"Resources:{resource.Name}:Port", dynamicPorts, ports.Values);
            }
        }

        return ports;
    }

    /// <summary>Ports of the resources' <see cref="ProcessResource.AdditionalEndpoints"/>, clear of <paramref name="taken"/>.</summary>
    public static Dictionary<(Resource Resource, string Endpoint), int> AllocateAdditional(
        IEnumerable<Resource> resources, bool dynamicPorts, IEnumerable<int> taken)
    {
        var ports = new Dictionary<(Resource, string), int>();
        var used = taken.ToList();
        foreach (var resource in resources.OfType<ProcessResource>())
        {
            foreach (var (name, endpoint) in resource.AdditionalEndpoints)
            {
                var port = Pick(endpoint.Port, $"{resource.Name} ({name})", $"Resources:{resource.Name}:{name}Port", dynamicPorts, used);
                ports[(resource, name)] = port;
                used.Add(port);
            }
        }

        return ports;
    }

    private static int Pick(int configured, string owner, string setting, bool dynamicPorts, IEnumerable<int> taken)
    {
        if (configured == 0 || dynamicPorts)
        {
            int free;
            do
            {
                free = FreePort();
            }
            while (taken.Contains(free));
            return free;
        }

        return IsFree(configured)
            ? configured
            : throw new DistributedApplicationException(
                $"Port {configured} of resource '{owner}' is already in use. Stop what holds it, or set {setting} to another port (0 picks a free one).");
    }

    public static int? ConfiguredPort(Resource resource) => resource switch
    {
        PostgresServerResource postgres => postgres.Port,
        RedisResource redis => redis.Port,
        ProcessResource { Http: { } http } => http.Port,
        _ => null,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Free on 127.0.0.1 and, where the machine has IPv6, on ::1 (Kestrel's "localhost" binds both).</summary>
    private static bool IsFree(int port)
    {
        return CanBind(IPAddress.Loopback) && (!Socket.OSSupportsIPv6 || CanBind(IPAddress.IPv6Loopback));

        bool CanBind(IPAddress address)
        {
            try
            {
                using var listener = new TcpListener(address, port);
                listener.Start();
                return true;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return false;
            }
            catch (SocketException)
            {
                return true; // the address family is not usable here: nothing can hold the port on it
            }
        }
    }
}

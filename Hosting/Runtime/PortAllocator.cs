using System.Net;
using System.Net.Sockets;

namespace Hosting.Runtime;

/// <summary>
/// Gives every resource that listens its port for this run: the configured one if free (else a clear error), or a free
/// one, held in <see cref="PortReservations"/> until the resource's process starts.
/// </summary>
internal static class PortAllocator
{
    public static Dictionary<Resource, int> Allocate(IEnumerable<Resource> resources, bool dynamicPorts, PortReservations reservations)
    {
        var ports = new Dictionary<Resource, int>();
        foreach (var resource in resources)
        {
            if (ConfiguredPort(resource) is { } configured)
            {
                ports[resource] = Pick(configured, resource.Name, $"Resources:{resource.Name}:Port", dynamicPorts, reservations);
            }
        }

        return ports;
    }

    /// <summary>Ports of the resources' <see cref="ProcessResource.AdditionalEndpoints"/>.</summary>
    public static Dictionary<(Resource Resource, string Endpoint), int> AllocateAdditional(
        IEnumerable<Resource> resources, bool dynamicPorts, PortReservations reservations)
    {
        var ports = new Dictionary<(Resource, string), int>();
        foreach (var resource in resources.OfType<ProcessResource>())
        {
            foreach (var (name, endpoint) in resource.AdditionalEndpoints)
            {
                ports[(resource, name)] = Pick(endpoint.Port, $"{resource.Name} ({name})", $"Resources:{resource.Name}:{name}Port", dynamicPorts, reservations);
            }
        }

        return ports;
    }

    private static int Pick(int configured, string owner, string setting, bool dynamicPorts, PortReservations reservations)
    {
        if (configured == 0 || dynamicPorts)
        {
            return reservations.ReserveFree(); // held: no later pick, here or elsewhere, gets it
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

using System.Net;
using System.Net.Sockets;
using Hosting.Runtime;

namespace Hosting.Tests;

public class PortAllocatorTests
{
    [Fact]
    public void A_taken_port_fails_fast_naming_port_and_resource()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;
        var api = new ProjectResource("api", new FakeProject()) { Http = new HttpEndpoint(taken) };

        var problem = Assert.Throws<DistributedApplicationException>(() => PortAllocator.Allocate([api], dynamicPorts: false, new PortReservations()));

        Assert.Equal(
            $"Port {taken} of resource 'api' is already in use. Stop what holds it, or set Resources:api:Port to another port (0 picks a free one).",
            problem.Message);
    }

    [Fact]
    public void Dynamic_ports_are_free_and_distinct()
    {
        var resources = new Resource[]
        {
            new PostgresServerResource("pg"),
            new RedisResource("cache") { Port = 6379 },
            new ProjectResource("api", new FakeProject()) { Http = new HttpEndpoint(5080) },
            new ParameterResource("key", secret: true, optional: true),
        };

        using var reservations = new PortReservations();

        var ports = PortAllocator.Allocate(resources, dynamicPorts: true, reservations);

        Assert.Equal(3, ports.Count);
        Assert.Equal(3, ports.Values.Distinct().Count());
        Assert.DoesNotContain(6379, ports.Values);
    }

    [Fact]
    public void A_dynamic_port_stays_held_until_released_so_nobody_else_can_bind_it_meanwhile()
    {
        var api = new ProjectResource("api", new FakeProject()) { Http = new HttpEndpoint(0) };
        using var reservations = new PortReservations();
        var port = PortAllocator.Allocate([api], dynamicPorts: false, reservations)[api];

        Assert.True(reservations.Holds(port));
        var elsewhere = Assert.Throws<SocketException>(() => new TcpListener(IPAddress.Loopback, port).Start());
        Assert.Equal(SocketError.AddressAlreadyInUse, elsewhere.SocketErrorCode);

        reservations.Release(port);

        Assert.False(reservations.Holds(port));
        using var process = new TcpListener(IPAddress.Loopback, port);
        process.Start();
    }

    [Fact]
    public void A_free_fixed_port_is_kept()
    {
        var api = new ProjectResource("api", new FakeProject()) { Http = new HttpEndpoint(FreePort()) };

        var ports = PortAllocator.Allocate([api], dynamicPorts: false, new PortReservations());

        Assert.Equal(api.Http.Port, ports[api]);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed class FakeProject : IProjectMetadata
{
    public string ProjectPath => "/nowhere/Fake.csproj";

    public string TargetPath => "/nowhere/bin/Fake.dll";
}

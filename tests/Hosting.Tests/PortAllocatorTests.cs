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

        var problem = Assert.Throws<DistributedApplicationException>(() => PortAllocator.Allocate([api], dynamicPorts: false));

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

        var ports = PortAllocator.Allocate(resources, dynamicPorts: true);

        Assert.Equal(3, ports.Count);
        Assert.Equal(3, ports.Values.Distinct().Count());
        Assert.DoesNotContain(6379, ports.Values);
    }

    [Fact]
    public void A_free_fixed_port_is_kept()
    {
        var api = new ProjectResource("api", new FakeProject()) { Http = new HttpEndpoint(FreePort()) };

        var ports = PortAllocator.Allocate([api], dynamicPorts: false);

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

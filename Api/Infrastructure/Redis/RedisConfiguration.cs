using System.Net;
using StackExchange.Redis;

namespace Api.Infrastructure.Redis;

/// <summary>Reads StackExchange.Redis configuration strings without ever echoing their password.</summary>
internal static class RedisConfiguration
{
    public static bool TryParse(string configuration, out ConfigurationOptions options)
    {
        try
        {
            options = ConfigurationOptions.Parse(configuration);
            return options.EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            options = new ConfigurationOptions();
            return false;
        }
    }

    /// <summary>The endpoints as <c>host:port</c>, with Redis' default port filled in.</summary>
    public static IReadOnlyList<string> Endpoints(string configuration)
    {
        if (!TryParse(configuration, out var options))
        {
            return [];
        }

        options.SetDefaultPorts();
        return [.. options.EndPoints.Select(Format)];
    }

    // DnsEndPoint.ToString() reads "Unspecified/host:port"; people and tests expect "host:port".
    public static string Format(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? string.Empty,
    };
}

using System.Net;
using StackExchange.Redis;

namespace RedisClient;

/// <summary>Reads StackExchange.Redis configuration strings without ever echoing their password.</summary>
public static class RedisConnectionString
{
    /// <summary>Parses; false when the string is malformed or names no endpoint.</summary>
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

    /// <summary>The endpoints as <c>host:port</c>, with Redis's default port filled in.</summary>
    public static IReadOnlyList<string> Endpoints(string configuration)
    {
        if (!TryParse(configuration, out var options))
        {
            return [];
        }

        options.SetDefaultPorts();
        return [.. options.EndPoints.Select(Format)];
    }

    /// <summary>An endpoint as <c>host:port</c> (DnsEndPoint.ToString() reads "Unspecified/host:port").</summary>
    public static string Format(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? string.Empty,
    };
}

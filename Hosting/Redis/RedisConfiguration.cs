using System.Globalization;
using System.Text;

namespace Hosting.Redis;

/// <summary>The redis.conf the AppHost writes (0600: it holds the password, which never goes on a command line).</summary>
internal static class RedisConfiguration
{
    public static string Render(int port, string password, string dataDirectory, bool persist)
    {
        var conf = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"port {port}")
            .AppendLine("bind 127.0.0.1")
            .AppendLine("protected-mode yes")
            .AppendLine(CultureInfo.InvariantCulture, $"requirepass {password}")
            .AppendLine(CultureInfo.InvariantCulture, $"dir {dataDirectory}")
            .AppendLine("daemonize no")
            .AppendLine("save \"\"")
            .AppendLine(persist ? "appendonly yes" : "appendonly no")
            .AppendLine("appendfsync everysec");
        return conf.ToString();
    }
}

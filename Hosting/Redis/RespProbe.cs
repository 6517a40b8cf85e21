using System.Net.Sockets;
using System.Text;

namespace Hosting.Redis;

/// <summary>
/// AUTH + PING in Redis's wire protocol. The services use StackExchange.Redis; a readiness probe polled every
/// few hundred milliseconds does not need a multiplexer and its threads.
/// </summary>
internal static class RespProbe
{
    public static async Task<bool> PingAsync(int port, string password, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encode("AUTH", password).Concat(Encode("PING")).ToArray(), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var auth = await reader.ReadLineAsync(timeout.Token);
            var ping = await reader.ReadLineAsync(timeout.Token);
            return auth == "+OK" && ping == "+PONG";
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    internal static byte[] Encode(params string[] parts)
    {
        var builder = new StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
        {
            builder.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}

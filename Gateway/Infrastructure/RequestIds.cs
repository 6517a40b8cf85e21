using System.Security.Cryptography;

namespace Gateway.Infrastructure;

/// <summary>Identifiers shaped like Anthropic's (<c>req_01…</c>, <c>msg_01…</c>) so clients that log or parse them keep working.</summary>
internal static class RequestIds
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string NewRequestId() => "req_01" + RandomSuffix();

    public static string NewMessageId() => "msg_01" + RandomSuffix();

    private static string RandomSuffix() => new(RandomNumberGenerator.GetItems<char>(Alphabet, 22));
}

using System.Diagnostics;
using Gateway.Features.Usage;

namespace Gateway.Features.Messages;

/// <summary>
/// One validated Messages request for <see cref="MessageDispatcher"/>. <paramref name="OnCompleted"/>
/// runs exactly once, after the answer has been written to the client (or failed, or the client left).
/// </summary>
internal sealed record MessageCall(
    HttpContext Context,
    MessageRequest Request,
    ReadOnlyMemory<byte> Body,
    Activity? Activity,
    Func<CallOutcome, ValueTask> OnCompleted);

/// <summary>What was answered: usage counted from what the client actually received (zero if nothing).</summary>
/// <param name="Cacheable">A complete successful JSON answer from the provider; null for mock answers, streams and errors.</param>
internal readonly record struct CallOutcome(
    TokenUsage Usage,
    string? ResponseModel,
    bool Mocked,
    bool Succeeded,
    int StatusCode,
    CachedReply? Cacheable);

/// <summary>A complete successful non-streaming JSON answer from the provider, as sent to the client.</summary>
internal sealed record CachedReply(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body);

using System.Diagnostics;
using Gateway.Features.Keys;
using Gateway.Infrastructure;
using Gateway.Infrastructure.Errors;
using StackExchange.Redis;

namespace Gateway.Features.RateLimiting;

/// <summary>An admitted request: whose it is and what the admission charged for it up front.</summary>
internal sealed record Admitted(ClientCredential Credential, AdmissionResult Admission, long EstimatedTokens);

/// <summary>
/// The door of every <c>/v1</c> endpoint: a client key must be presented and known, and the request must fit
/// in the key's limits and budget. Anything else is answered here, in Anthropic's shape.
/// </summary>
internal sealed partial class AccessGate(
    ClientCredentials credentials, KeyLeases leases, GatewayMetrics metrics, TimeProvider time, ILogger<AccessGate> logger)
{
    /// <summary>The presented credential, or null; for checks that must happen before the body is understood.</summary>
    public ClientCredential? Credential(HttpRequest request) => credentials.Read(request);

    public async Task<(Admitted? Admitted, AnthropicErrorResult? Refusal)> AdmitAsync(ClientCredential? credential, long estimatedTokens)
    {
        if (credential is null)
        {
            metrics.RateLimited("key");
            return (null, AnthropicErrors.MissingApiKey());
        }

        Activity.Current?.SetTag("gateway.client_key.id", credential.Id);
        AdmissionResult result;
        try
        {
            result = await leases.AdmitAsync(credential, estimatedTokens);
        }
        catch (RedisException e) when (credential.Preset is not null)
        {
            // A key from configuration is known without Redis: let the Api keep working through a Redis outage,
            // unmetered (logged, and its usage is missing from the ledger), rather than fail every call.
            LogAdmittedUnmetered(logger, e, credential.Id);
            return (new Admitted(credential, AdmissionResult.Unmetered, 0), null);
        }
        catch (RedisException e)
        {
            // An issued key cannot be checked without Redis, and guessing would let a revoked key in.
            LogStoreUnavailable(logger, e);
            return (null, AnthropicErrors.KeyStoreUnavailable());
        }

        if (result.IsAdmitted)
        {
            return (new Admitted(credential, result, estimatedTokens), null);
        }

        var limit = AdmissionErrors.LimitName(result.Status);
        metrics.RateLimited(limit);
        Activity.Current?.SetTag("gateway.refused_by", limit);
        LogRefused(logger, credential.Id, limit);
        return (null, AdmissionErrors.For(result, time.GetUtcNow()));
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Redis could not be asked to admit a request; answering 503")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Redis is unavailable; admitted configured key {KeyId} without limits or ledger")]
    private static partial void LogAdmittedUnmetered(ILogger logger, Exception exception, string keyId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Refused a request of key {KeyId}: {Limit}")]
    private static partial void LogRefused(ILogger logger, string keyId, string limit);
}

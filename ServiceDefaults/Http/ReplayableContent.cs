using System.Net.Http.Json;

namespace ServiceDefaults.Http;

/// <summary>
/// Whether a request body can be sent a second time. A stream (a proxied upload, say) has been
/// consumed by the first attempt, so retrying would send nothing or throw; such requests are not retried.
/// </summary>
internal static class ReplayableContent
{
    public static bool CanResend(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent => true, // StringContent and FormUrlEncodedContent too
        JsonContent json => !IsAsyncStream(json.ObjectType),
        MultipartContent multipart => multipart.All(CanResend),
        _ => false,
    };

    // JsonContent serializes its value on each send, unless that value is itself a one-shot stream.
    private static bool IsAsyncStream(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
}

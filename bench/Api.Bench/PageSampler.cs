using System.Buffers.Text;
using System.Diagnostics;
using System.Text.Json;

namespace Api.Bench;

/// <summary>
/// Times GET requests one after another on one keep-alive connection, as one client paging a conversation:
/// from sending to the last byte of the body. Every answer is checked after its timing: 200, a full page,
/// and (when given) the first message expected.
/// </summary>
internal static class PageSampler
{
    /// <param name="FirstId">The first message the page must start with, if known.</param>
    /// <param name="IsPage">False for a request that is not a page (the baseline), whose body is not checked.</param>
    public sealed record Request(string Path, Guid? FirstId, bool IsPage = true);

    public static async Task<List<double>> MeasureAsync(
        HttpClient client, Func<int, Request> request, int samples, int pageSize, CancellationToken cancellationToken)
    {
        var milliseconds = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var next = request(i);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(next.Path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Check(response, body, next, pageSize);
        }

        return milliseconds;
    }

    /// <summary>The Api's cursor: the id's 16 big-endian bytes in base64url (22 characters).</summary>
    public static string Cursor(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    private static void Check(HttpResponseMessage response, byte[] body, Request request, int pageSize)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {request.Path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        if (!request.IsPage)
        {
            return;
        }

        using var page = JsonDocument.Parse(body);
        var items = page.RootElement.GetProperty("items");
        if (items.GetArrayLength() != pageSize)
        {
            throw new InvalidOperationException($"GET {request.Path} returned {items.GetArrayLength()} messages, not {pageSize}.");
        }

        if (request.FirstId is { } first && items[0].GetProperty("id").GetGuid() != first)
        {
            throw new InvalidOperationException($"GET {request.Path} did not start at message {first}: the cursor skipped or repeated.");
        }
    }
}

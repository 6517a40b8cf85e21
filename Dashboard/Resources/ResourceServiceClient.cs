using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Dashboard.Resources;

/// <summary>
/// The AppHost's resource service over HTTP: the resource list, a watch of every change, a resource's console output,
/// and commands. A typed <see cref="HttpClient"/> with no overall timeout (the streams are endless); the one-shot
/// calls time out on their own.
/// </summary>
public sealed class ResourceServiceClient(
    HttpClient http, IOptions<ResourceServiceClientOptions> options, TimeProvider time, ILogger<ResourceServiceClient> logger)
{
    public const string ApiKeyHeader = "x-resource-service-api-key";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    // A stop waits for the process's stop timeout (SIGTERM, then SIGKILL), a container's a little longer.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly MediaTypeWithQualityHeaderValue EventStream = new("text/event-stream");

    /// <summary>Whether a resource service is configured; without one every call throws and the UI shows telemetry only.</summary>
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>The resource service's base URL, when configured.</summary>
    public Uri? Url => options.Value.ServiceUrl;

    /// <summary>Every resource, ordered by name.</summary>
    public async Task<IReadOnlyList<ResourceViewModel>> GetResourcesAsync(CancellationToken cancellationToken = default)
    {
        EnsureConfigured();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var response = await http.GetAsync(ResourceServicePaths.Resources, timeout.Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ResourceServiceJsonContext.Default.ResourceViewModelArray, timeout.Token) ?? [];
    }

    /// <summary>
    /// Every resource's current state, then each change, for as long as the caller reads. When the stream drops (the
    /// AppHost restarts, a network error, a refused key) it reconnects with capped backoff and sends every resource
    /// again; <paramref name="connectionChanged"/> hears each transition.
    /// </summary>
    public async IAsyncEnumerable<ResourceViewModel> WatchResourcesAsync(
        Action<ResourceServiceConnectionState>? connectionChanged = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EnsureConfigured();
        var backoff = new ReconnectBackoff();
        connectionChanged?.Invoke(ResourceServiceConnectionState.Connecting);
        while (!cancellationToken.IsCancellationRequested)
        {
            void OnConnected()
            {
                backoff.Reset();
                Log.WatchConnected(logger);
                connectionChanged?.Invoke(ResourceServiceConnectionState.Connected);
            }

            await using var events = ReadEventsAsync(ResourceServicePaths.Watch, ResourceServiceJsonContext.Default.ResourceViewModel, OnConnected, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            string reason;
            while (true)
            {
                (var next, reason) = await MoveNextAsync(events, cancellationToken);
                if (next is null)
                {
                    break;
                }

                yield return next;
            }

            var delay = backoff.Next();
            connectionChanged?.Invoke(ResourceServiceConnectionState.Reconnecting);
            Log.WatchDropped(logger, reason, delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>One step of the watch; a broken stream ends it with the reason (yield cannot sit inside a try with a catch).</summary>
    private static async Task<(ResourceViewModel? Next, string Reason)> MoveNextAsync(
        IAsyncEnumerator<ResourceViewModel> events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync() ? (events.Current, "") : (null, "the AppHost ended the stream");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>
    /// A resource's buffered console lines (those after <paramref name="afterSequence"/>), then new ones as they are
    /// written, each once. Ends when the AppHost ends the stream; an unknown resource throws (404).
    /// </summary>
    public IAsyncEnumerable<ConsoleLine> WatchLogsAsync(string resourceName, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        EnsureConfigured();
        return ReadEventsAsync(ResourceServicePaths.Logs(resourceName, afterSequence), ResourceServiceJsonContext.Default.ConsoleLine, null, cancellationToken);
    }

    /// <summary>Runs a command (<see cref="ResourceCommandNames"/>); a refusal or an unreachable AppHost comes back as an error to show, not an exception.</summary>
    public async Task<ResourceCommandResponse> ExecuteCommandAsync(string resourceName, string command, CancellationToken cancellationToken = default)
    {
        EnsureConfigured();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            using var response = await http.PostAsync(ResourceServicePaths.Command(resourceName, command), content: null, timeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return new ResourceCommandResponse(true, null);
            }

            var problem = await ReadProblemAsync(response, timeout.Token);
            return new ResourceCommandResponse(false, problem?.Detail ?? problem?.Title ?? $"The AppHost answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ResourceCommandResponse(false, $"The AppHost could not be reached: {ex.Message}");
        }
    }

    private static async Task<ProblemBody?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ResourceServiceJsonContext.Default.ProblemBody, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null; // not problem details (a proxy's page): the status line says enough
        }
    }

    private async IAsyncEnumerable<T> ReadEventsAsync<T>(
        string path, JsonTypeInfo<T> typeInfo, Action? connected, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(EventStream);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        connected?.Invoke();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var parser = SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize(data, typeInfo));
        await foreach (var item in parser.EnumerateAsync(cancellationToken))
        {
            if (item.Data is { } value)
            {
                yield return value;
            }
        }
    }

    private void EnsureConfigured()
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException($"No resource service is configured ({ResourceServiceClientOptions.SectionName}:Url).");
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Support;

/// <summary>
/// The rest of Anthropic's surface an SDK meets: authentication, token counting, the model list,
/// one error class per status code, and a stream that fails after its 200 with an <c>error</c> event.
/// </summary>
internal sealed partial class AnthropicStub
{
    /// <summary>Error classes by scenario (the model's prefix), with Anthropic's status codes and error types.</summary>
    private static readonly Dictionary<string, (int Status, string Type, string Message)> ErrorClasses = new()
    {
        ["400"] = (400, "invalid_request_error", "messages.0.content: text content blocks must be non-empty"),
        ["401"] = (401, "authentication_error", "invalid x-api-key"),
        ["402"] = (402, "billing_error", "Your credit balance is too low to access the Anthropic API."),
        ["403"] = (403, "permission_error", "Your API key does not have permission to use the specified resource."),
        ["404"] = (404, "not_found_error", "The requested resource could not be found."),
        ["413"] = (413, "request_too_large", "Request exceeds the maximum allowed number of bytes."),
        ["429"] = (429, "rate_limit_error", "Number of requests has exceeded your rate limit."),
        ["500"] = (500, "api_error", "Internal server error"),
        ["529"] = (529, "overloaded_error", "Overloaded"),
    };

    /// <summary>Seconds a <c>429:</c> answer asks the client to wait.</summary>
    public const int RetryAfterSeconds = 7;

    /// <summary>Every count the stub answers: no estimate made on the way could come up with it by chance.</summary>
    public const int CountedTokens = 1234;

    private readonly ConcurrentDictionary<string, List<RecordedRequest>> _countRequests = new();

    /// <summary>Every <c>count_tokens</c> request received for <paramref name="model"/>.</summary>
    public IReadOnlyList<RecordedRequest> CountTokensRequestsFor(string model) =>
        _countRequests.TryGetValue(model, out var list) ? [.. list] : [];

    private void MapSurface()
    {
        _app.Use(AuthenticateAsync);
        _app.MapPost("/v1/messages/count_tokens", CountTokensAsync);
        _app.MapGet("/v1/models", ListModelsAsync);
        _app.MapGet("/v1/models/{id}", GetModelAsync);
        _app.MapFallback(context => WriteErrorAsync(context, 404, "not_found_error", "Not found"));
    }

    /// <summary>
    /// As Anthropic: 401 without the provider's key, 400 without <c>anthropic-version</c>; every answer
    /// has a request id. The key comes as <c>x-api-key</c> (what the Gateway sends) or as
    /// <c>Authorization: Bearer</c> (what the official C# SDK sends since version 13).
    /// </summary>
    private static async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers["request-id"] = RequestId;
        var key = KeyOf(context.Request);
        if (key.Length == 0)
        {
            await WriteErrorAsync(context, 401, "authentication_error", "x-api-key header is required");
        }
        else if (key != GatewayProcess.ApiKey)
        {
            await WriteErrorAsync(context, 401, "authentication_error", "invalid x-api-key");
        }
        else if (string.IsNullOrEmpty(context.Request.Headers["anthropic-version"]))
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "anthropic-version: header is required");
        }
        else
        {
            await next(context);
        }
    }

    private static string KeyOf(HttpRequest request)
    {
        var apiKey = request.Headers["x-api-key"].ToString();
        var authorization = request.Headers.Authorization.ToString();
        return apiKey.Length > 0 || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? apiKey
            : authorization["Bearer ".Length..];
    }

    /// <summary>The error class or failing stream the model names, if it names one.</summary>
    private static async Task<bool> TryWriteSurfaceScenarioAsync(HttpContext context, string model)
    {
        var scenario = model.Split(':')[0];
        if (scenario == "sse-error")
        {
            await WriteFailingStreamAsync(context, model);
            return true;
        }

        if (!ErrorClasses.TryGetValue(scenario, out var error))
        {
            return false;
        }

        if (error.Status == 429)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteErrorAsync(context, error.Status, error.Type, error.Message);
        return true;
    }

    private async Task CountTokensAsync(HttpContext context)
    {
        var bytes = await ReadBodyAsync(context);
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "model: Field required");
            return;
        }

        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "messages: Field required");
            return;
        }

        var name = model.GetString()!;
        _countRequests.GetOrAdd(name, _ => []).Add(new RecordedRequest(HeadersOf(context), bytes));
        if (!await TryCountTokensFaultAsync(context, name) && !await TryWriteSurfaceScenarioAsync(context, name))
        {
            await WriteJsonAsync(context, 200, StubMessages.TokenCount(CountedTokens));
        }
    }

    private static async Task ListModelsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = StubModels.DefaultLimit;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, out limit) || limit < 1 || limit > StubModels.MaxLimit))
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", $"limit: must be between 1 and {StubModels.MaxLimit}");
            return;
        }

        string? afterId = query["after_id"], beforeId = query["before_id"];
        if (afterId is not null && beforeId is not null)
        {
            await WriteErrorAsync(context, 400, "invalid_request_error", "Only one of after_id or before_id may be given");
            return;
        }

        var page = StubModels.PageJson(limit, afterId, beforeId);
        await (page is null
            ? WriteErrorAsync(context, 400, "invalid_request_error", "after_id/before_id: no model with this id")
            : WriteJsonAsync(context, 200, page));
    }

    private static Task GetModelAsync(HttpContext context, string id) =>
        StubModels.Find(id) is { } model
            ? WriteJsonAsync(context, 200, StubModels.Json(model))
            : WriteErrorAsync(context, 404, "not_found_error", $"model: {id}");

    private static async Task WriteFailingStreamAsync(HttpContext context, string model)
    {
        await WriteFirstEventAsync(context, model);
        foreach (var frame in StubMessages.StreamFailingAfterStart())
        {
            await context.Response.WriteAsync(frame);
            await context.Response.Body.FlushAsync();
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string type, string message) =>
        WriteJsonAsync(context, status, StubMessages.Error(type, message));

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    private static Dictionary<string, string> HeadersOf(HttpContext context) =>
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Features.Files;

/// <summary>
/// Reads a batch's body. Done by hand rather than by parameter binding because binding answers a body over the
/// size limit with a bare 413 (it swallows Kestrel's exception as an I/O error), and a wrong JSON type with a
/// message that does not name the field; here both are ProblemDetails, the second keyed like a validation error.
/// </summary>
internal static class FileBatchBody
{
    public static async Task<(FileBatchRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the batch as JSON",
                detail: "The batch is JSON: send Content-Type: application/json."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // Without a Content-Length (chunked), Kestrel itself stops reading at the limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            return await request.ReadFromJsonAsync<FileBatchRequest>(cancellationToken) is { } batch
                ? (batch, null)
                : (null, Invalid("operations", "The body is null; send {\"operations\":[...]}."));
        }
        catch (JsonException exception)
        {
            // The exception's path ($.operations[1].expectedVersion) is the field; its message may quote the body, so it is not echoed.
            var key = exception.Path is { Length: > 2 } path ? path[2..] : "body";
            return (null, Invalid(key, $"The body is not a batch of the documented shape: {key} is malformed JSON or of the wrong type (line {exception.LineNumber + 1})."));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
    }

    // The same body as TypedResults.ValidationProblem, as the one result type this reader returns.
    private static ProblemHttpResult Invalid(string key, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [key] = [message] }) { Status = StatusCodes.Status400BadRequest });

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large",
            detail: $"A batch's body is at most {maxBytes:N0} bytes (Files:MaxBatchBytes); send fewer or smaller files per batch.");
}

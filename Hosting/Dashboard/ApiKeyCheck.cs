using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hosting.Dashboard;

/// <summary>Refuses (401) every request without the dashboard's key in <see cref="HeaderName"/>.</summary>
internal sealed class ApiKeyCheck(RequestDelegate next, string apiKey)
{
    public const string HeaderName = "x-resource-service-api-key";

    // Compared as hashes: equal lengths, so FixedTimeEquals does not leak the key's length either.
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    public Task InvokeAsync(HttpContext context) =>
        IsValid(context.Request.Headers[HeaderName])
            ? next(context)
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"The {HeaderName} header is missing or wrong.").ExecuteAsync(context);

    private bool IsValid(StringValues values) =>
        values.Count == 1 && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(values[0] ?? "")), _expected);
}

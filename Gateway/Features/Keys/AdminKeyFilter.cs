using System.Security.Cryptography;
using System.Text;
using Gateway.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Keys;

/// <summary>
/// Guards <c>/admin</c> with the admin key from configuration, compared in fixed time. Without a configured
/// admin key the admin surface does not exist: 404, as for any unknown path.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    private readonly byte[]? _adminKeyHash = options.Value.Enabled ? Hash(options.Value.ApiKey!.Trim()) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_adminKeyHash is null)
        {
            return AnthropicErrors.NotFound();
        }

        var presented = ClientCredentials.PresentedKey(context.HttpContext.Request);
        if (presented is null)
        {
            return AnthropicErrors.MissingApiKey();
        }

        // Hashing first makes the comparison fixed-time whatever the length presented.
        return CryptographicOperations.FixedTimeEquals(Hash(presented), _adminKeyHash)
            ? await next(context)
            : AnthropicErrors.InvalidApiKey();
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

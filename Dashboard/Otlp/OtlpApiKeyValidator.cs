using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dashboard.Otlp;

/// <summary>Checks the <c>x-otlp-api-key</c> header against the configured keys without leaking, through timing, how much of it matched.</summary>
internal sealed class OtlpApiKeyValidator
{
    public const string HeaderName = "x-otlp-api-key";

    private readonly bool _unsecured;
    private readonly byte[] _primary;
    private readonly byte[]? _secondary;

    public OtlpApiKeyValidator(IOptions<OtlpOptions> options)
    {
        var value = options.Value;
        _unsecured = value.AuthMode == OtlpAuthMode.Unsecured;
        _primary = Encoding.UTF8.GetBytes(value.PrimaryApiKey ?? "");
        _secondary = string.IsNullOrEmpty(value.SecondaryApiKey) ? null : Encoding.UTF8.GetBytes(value.SecondaryApiKey);
    }

    public bool IsAuthorized(HttpRequest request)
    {
        if (_unsecured)
        {
            return true;
        }

        var values = request.Headers[HeaderName];
        if (values.Count != 1 || values[0] is not { Length: > 0 } candidate)
        {
            return false;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(candidate.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var bytes = buffer[..Encoding.UTF8.GetBytes(candidate, buffer)];

            // '|' rather than '||': both keys are always compared, so the timing does not tell which one matched.
            return CryptographicOperations.FixedTimeEquals(bytes, _primary)
                | (_secondary is not null && CryptographicOperations.FixedTimeEquals(bytes, _secondary));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }
}

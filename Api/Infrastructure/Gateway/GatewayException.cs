namespace Api.Infrastructure.Gateway;

/// <summary>The Gateway could not be reached, refused the call, or answered something unreadable.</summary>
public sealed class GatewayException : Exception
{
    public GatewayException(string message, int? statusCode = null, string? errorType = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The Gateway's HTTP status, when it answered at all.</summary>
    public int? StatusCode { get; }

    /// <summary>Anthropic's <c>error.type</c>, when the Gateway answered in that shape.</summary>
    public string? ErrorType { get; }
}

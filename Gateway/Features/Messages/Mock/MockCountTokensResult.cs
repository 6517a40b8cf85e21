using System.Globalization;
using System.Text;

namespace Gateway.Features.Messages.Mock;

/// <summary>The mock model's answer to count_tokens: <c>{"input_tokens":N}</c>, its own estimate.</summary>
internal sealed class MockCountTokensResult(int inputTokens, bool fellBack) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        MockHeaders.Apply(response, fellBack);
        response.ContentType = "application/json";
        var body = Encoding.UTF8.GetBytes("{\"input_tokens\":" + inputTokens.ToString(CultureInfo.InvariantCulture) + "}");
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}

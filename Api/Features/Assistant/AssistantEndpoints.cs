using Api.Features.FeatureFlags;
using Api.Infrastructure.Gateway;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Features.Assistant;

public static class AssistantEndpoints
{
    public static IEndpointRouteBuilder MapAssistantEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Signed in only, and off with chat: every call spends the gateway's budget.
        endpoints.MapGroup("/api/assistant").WithTags("Assistant").RequireAuthorization().RequireFeature(ApiFeature.Chat)
            .MapPost("/ask", AskAsync);
        return endpoints;
    }

    internal static async Task<Results<Ok<AskResponse>, ValidationProblem, ProblemHttpResult>> AskAsync(
        AskRequest request, GatewayClient gateway, CancellationToken cancellationToken)
    {
        if (!PromptValidation.TryValidate(request, out var prompt, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var reply = await gateway.SendMessageAsync(prompt, cancellationToken);
            return TypedResults.Ok(new AskResponse(reply.Text, reply.Model, reply.InputTokens, reply.OutputTokens));
        }
        catch (GatewayException exception)
        {
            return GatewayFailed(exception);
        }
    }

    internal static ProblemHttpResult GatewayFailed(GatewayException exception) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status502BadGateway,
            title: "The gateway failed",
            detail: exception.Message,
            extensions: new Dictionary<string, object?>
            {
                ["gatewayStatus"] = exception.StatusCode,
                ["gatewayErrorType"] = exception.ErrorType,
            });
}

using Gateway.Features.RateLimiting;
using Gateway.Infrastructure.Cors;
using Gateway.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Features.Models;

/// <summary><c>GET /v1/models</c> and <c>/v1/models/{id}</c>, answered from the Gateway's catalog: exactly the models a client may use here.</summary>
internal static class ModelsEndpoints
{
    public static IEndpointRouteBuilder MapModelsEndpoints(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/v1/models").WithTags("Models").RequireCors(CorsExtensions.PolicyName);
        models.MapGet("", ListAsync);
        models.MapGet("/{modelId}", ShowAsync);
        return app;
    }

    internal static async Task<Results<Ok<ModelPage>, AnthropicErrorResult>> ListAsync(
        HttpRequest request, AccessGate gate, ModelCatalog catalog, int? limit,
        [FromQuery(Name = "after_id")] string? afterId, [FromQuery(Name = "before_id")] string? beforeId)
    {
        var (_, refusal) = await gate.AdmitAsync(gate.Credential(request), estimatedTokens: 0);
        if (refusal is not null)
        {
            return refusal;
        }

        if (limit is < 1 or > 1000)
        {
            return AnthropicErrors.InvalidRequest("limit: Input should be greater than or equal to 1 and less than or equal to 1000");
        }

        return ModelPage.From(catalog.Models, limit ?? 20, afterId, beforeId) is { } page
            ? TypedResults.Ok(page)
            : AnthropicErrors.InvalidRequest("after_id or before_id does not name a listed model.");
    }

    internal static async Task<Results<Ok<ModelInfo>, AnthropicErrorResult>> ShowAsync(
        HttpRequest request, AccessGate gate, ModelCatalog catalog, string modelId)
    {
        var (_, refusal) = await gate.AdmitAsync(gate.Credential(request), estimatedTokens: 0);
        if (refusal is not null)
        {
            return refusal;
        }

        return catalog.FindListed(modelId) is { } model
            ? TypedResults.Ok(ModelInfo.From(model))
            : AnthropicErrors.NotFound($"model: {modelId}");
    }
}

using Gateway.Features.Models;
using Gateway.Infrastructure.Errors;

namespace Gateway.Features.Messages;

/// <summary>A request the Gateway may send on, with its catalog entry; or the Anthropic error that refuses it.</summary>
internal sealed record ValidatedMessage(MessageRequest? Request, CatalogModel? Model, AnthropicErrorResult? Problem);

/// <summary>
/// Everything that can be refused before a key is charged: the body's shape (<see cref="MessageRequestParser"/>),
/// the model allow-list (404, as Anthropic answers an unknown model) and the model's <c>max_tokens</c> cap.
/// </summary>
internal static class MessageValidation
{
    public static ValidatedMessage Validate(ReadOnlyMemory<byte> body, ModelCatalog catalog, ParseMode mode)
    {
        if (!MessageRequestParser.TryParse(body, mode, out var request, out var problem))
        {
            return new(null, null, AnthropicErrors.InvalidRequest(problem));
        }

        if (catalog.Find(request.Model) is not { } model)
        {
            return new(null, null, AnthropicErrors.NotFound($"model: {request.Model}"));
        }

        if (request.MaxTokens > model.MaxTokens)
        {
            return new(null, null, AnthropicErrors.InvalidRequest(
                $"max_tokens: {request.MaxTokens} > {model.MaxTokens}, which is the maximum allowed number of output tokens for {request.Model}"));
        }

        return new(request, model, null);
    }
}

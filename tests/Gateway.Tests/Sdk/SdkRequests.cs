using Anthropic.Models.Messages;

namespace Gateway.Tests.Sdk;

/// <summary>SDK parameters for the calls the tests make, and readers for what comes back.</summary>
internal static class SdkRequests
{
    public const string UserText = "Tell me about the Gateway, please.";

    /// <summary>A model that picks the stub's scenario and keeps this test's recorded requests apart from the others'.</summary>
    public static string Model(string scenario) => $"{scenario}:{Guid.NewGuid():N}";

    public static MessageCreateParams Create(string model, string text = UserText, long maxTokens = 256) => new()
    {
        Model = model,
        MaxTokens = maxTokens,
        Messages = [new UserMessageParam(text)],
    };

    public static MessageCountTokensParams Count(string model, string text = UserText) => new()
    {
        Model = model,
        Messages = [new UserMessageParam(text)],
    };

    /// <summary>The event's <c>type</c> as it came over the wire.</summary>
    public static string TypeOf(RawMessageStreamEvent streamEvent) => streamEvent.Json.GetProperty("type").GetString()!;

    public static string TextOf(Message message) =>
        string.Concat(message.Content.Select(block => block.TryPickText(out var text) ? text.Text : ""));
}

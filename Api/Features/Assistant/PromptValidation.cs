using System.Diagnostics.CodeAnalysis;

namespace Api.Features.Assistant;

internal static class PromptValidation
{
    // Far above a chat message, far below what would make the Gateway call a denial of service.
    public const int MaxLength = 32_000;

    public static bool TryValidate(
        AskRequest request,
        [NotNullWhen(true)] out string? prompt,
        [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        // Sent as written: whitespace inside a prompt can matter, only a blank one is refused.
        prompt = request.Prompt;
        errors = prompt switch
        {
            null => Error("A prompt is required."),
            _ when string.IsNullOrWhiteSpace(prompt) => Error("A prompt cannot be blank."),
            { Length: > MaxLength } => Error($"A prompt has at most {MaxLength} characters."),
            _ => null,
        };
        return errors is null;
    }

    private static Dictionary<string, string[]> Error(string message) => new() { ["prompt"] = [message] };
}

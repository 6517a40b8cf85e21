using System.Diagnostics.CodeAnalysis;

namespace Api.Features.Chat;

internal static class ChatValidation
{
    // As the assistant's prompt: far above a chat message, far below a denial of service.
    public const int MaxLength = 32_000;

    public static bool TryValidate(
        ChatRequest request,
        [NotNullWhen(true)] out string? content,
        [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        content = request.Content;
        errors = content switch
        {
            null => Error("A message needs content."),
            _ when string.IsNullOrWhiteSpace(content) => Error("A message cannot be blank."),
            { Length: > MaxLength } => Error($"A message has at most {MaxLength} characters."),
            _ when content.Contains('\0', StringComparison.Ordinal) => Error("A message has no NUL characters."),
            _ => null,
        };
        return errors is null;
    }

    private static Dictionary<string, string[]> Error(string message) => new() { ["content"] = [message] };
}

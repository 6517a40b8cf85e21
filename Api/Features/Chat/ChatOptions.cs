using System.ComponentModel.DataAnnotations;

namespace Api.Features.Chat;

public sealed class ChatOptions
{
    public const string SectionName = "Chat";

    /// <summary>The longest reply, in tokens; whole files come back in replies, so it is far above the assistant's 256.</summary>
    [Range(1, 128_000, ErrorMessage = "Chat:MaxTokens must be between {1} and {2}.")]
    public int MaxTokens { get; set; } = 8192;

    /// <summary>How many earlier messages (newest first) may go with a new one as context.</summary>
    [Range(0, 200, ErrorMessage = "Chat:ContextMessages must be between {1} and {2}.")]
    public int ContextMessages { get; set; } = 40;

    /// <summary>The most characters of earlier messages sent as context; the oldest are left out first.</summary>
    [Range(0, 2_000_000, ErrorMessage = "Chat:ContextCharacters must be between {1} and {2}.")]
    public int ContextCharacters { get; set; } = 200_000;
}

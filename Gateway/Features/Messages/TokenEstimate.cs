namespace Gateway.Features.Messages;

/// <summary>
/// The input tokens a request is charged up front, before the provider counts them: Anthropic's rule of thumb of
/// four characters a token over the text it carries. Images and tool schemas are not guessed at; the admission is
/// corrected to the real usage once the answer is in.
/// </summary>
internal static class TokenEstimate
{
    public const int CharsPerToken = 4;

    public static long InputTokens(MessageRequest request) => Math.Max(1, (request.InputTextLength + CharsPerToken - 1) / CharsPerToken);
}

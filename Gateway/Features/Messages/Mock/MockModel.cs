namespace Gateway.Features.Messages.Mock;

/// <summary>
/// A deterministic stand-in for Claude when no API key is configured, or when the Gateway falls back:
/// the same request always yields the same text, so local runs and tests need neither a key nor the network.
/// </summary>
internal static class MockModel
{
    /// <summary>Anthropic's rule of thumb; close enough for a mock and stable across runs.</summary>
    public const int CharsPerToken = 4;

    private const int QuoteLength = 60;

    public const string NoKey = "no Anthropic API key is configured";

    /// <param name="why">Said in the reply, so nobody mistakes a mock answer for the model's.</param>
    public static MockReply Answer(MessageRequest request, string why = NoKey)
    {
        var text = $"This is the Gateway's mock model ({why}). You said: \"{Quote(request.LastUserText)}\"";
        var inputTokens = InputTokens(request);
        var outputTokens = Tokens(text.Length);
        if (outputTokens <= request.MaxTokens)
        {
            return new MockReply(text, inputTokens, outputTokens, "end_turn");
        }

        var maxTokens = (int)request.MaxTokens;
        return new MockReply(Prefix(text, maxTokens * CharsPerToken), inputTokens, maxTokens, "max_tokens");
    }

    /// <summary>The mock's estimate of a request's input tokens, also its answer to count_tokens.</summary>
    public static int InputTokens(MessageRequest request) => Math.Max(1, Tokens(request.InputTextLength));

    /// <summary>Splits a reply into word-sized deltas, the way a streamed answer arrives.</summary>
    public static IEnumerable<string> Deltas(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    public static int Tokens(int chars) => (chars + CharsPerToken - 1) / CharsPerToken;

    private static string Quote(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= QuoteLength ? oneLine : Prefix(oneLine, QuoteLength) + "…";
    }

    /// <summary>Cuts at <paramref name="length"/> characters without splitting a surrogate pair.</summary>
    private static string Prefix(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}

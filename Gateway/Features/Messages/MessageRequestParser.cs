using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Gateway.Features.Messages;

/// <summary>
/// Checks the fields Anthropic would reject outright, naming the field the way Anthropic does
/// (<c>messages.0.role</c>), so a bad request fails fast and identically with or without a key.
/// </summary>
internal static class MessageRequestParser
{
    // Tool schemas nest deeply; the default of 64 would refuse requests Anthropic accepts.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static bool TryParse(
        ReadOnlyMemory<byte> body,
        ParseMode mode,
        [NotNullWhen(true)] out MessageRequest? request,
        [NotNullWhen(false)] out string? problem)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException)
        {
            problem = "Request body is not valid JSON.";
            return false;
        }

        using (document)
        {
            problem = Validate(document.RootElement, mode);
            if (problem is not null)
            {
                return false;
            }

            request = Read(document.RootElement);
            return true;
        }
    }

    private static string? Validate(JsonElement root, ParseMode mode)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "Request body must be a JSON object.";
        }

        if (!root.TryGetProperty("model", out var model))
        {
            return "model: Field required";
        }

        if (model.ValueKind != JsonValueKind.String || model.GetString()!.Length == 0)
        {
            return "model: must be a non-empty string";
        }

        var hasMaxTokens = root.TryGetProperty("max_tokens", out var maxTokens);
        if (!hasMaxTokens && mode == ParseMode.Messages)
        {
            return "max_tokens: Field required";
        }

        if (hasMaxTokens && (maxTokens.ValueKind != JsonValueKind.Number || !maxTokens.TryGetInt64(out var max) || max < 1))
        {
            return "max_tokens: must be a positive integer";
        }

        if (root.TryGetProperty("stream", out var stream) && stream.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return "stream: must be a boolean";
        }

        return root.TryGetProperty("messages", out var messages)
            ? ValidateMessages(messages)
            : "messages: Field required";
    }

    private static string? ValidateMessages(JsonElement messages)
    {
        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return "messages: must be a non-empty array";
        }

        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                return $"messages.{index}: must be an object";
            }

            if (!message.TryGetProperty("role", out var role)
                || role.ValueKind != JsonValueKind.String
                || role.GetString() is not ("user" or "assistant"))
            {
                return $"messages.{index}.role: must be \"user\" or \"assistant\"";
            }

            if (!message.TryGetProperty("content", out var content)
                || content.ValueKind is not (JsonValueKind.String or JsonValueKind.Array))
            {
                return $"messages.{index}.content: must be a string or an array of content blocks";
            }

            index++;
        }

        return null;
    }

    private static MessageRequest Read(JsonElement root)
    {
        var inputLength = root.TryGetProperty("system", out var system) ? TextOf(system).Length : 0;
        var lastUserText = "";
        foreach (var message in root.GetProperty("messages").EnumerateArray())
        {
            var text = TextOf(message.GetProperty("content"));
            inputLength += text.Length;
            if (message.GetProperty("role").ValueEquals("user"u8))
            {
                lastUserText = text;
            }
        }

        return new MessageRequest(
            root.GetProperty("model").GetString()!,
            root.TryGetProperty("max_tokens", out var maxTokens) ? maxTokens.GetInt64() : 0,
            root.TryGetProperty("stream", out var stream) && stream.GetBoolean(),
            lastUserText,
            inputLength);
    }

    /// <summary>The text of a string or of the <c>text</c> blocks of a content array; other blocks carry no text to echo.</summary>
    private static string TextOf(JsonElement content)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object
                && block.TryGetProperty("text", out var part)
                && part.ValueKind == JsonValueKind.String)
            {
                text.Append(part.GetString());
            }
        }

        return text.ToString();
    }
}

/// <summary>Which endpoint's rules apply: count_tokens takes a Messages body without <c>max_tokens</c>.</summary>
internal enum ParseMode
{
    Messages,
    CountTokens,
}

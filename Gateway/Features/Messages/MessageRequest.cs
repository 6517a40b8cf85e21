namespace Gateway.Features.Messages;

/// <summary>The few fields of a Messages request the Gateway itself needs; the body is forwarded as received.</summary>
internal sealed record MessageRequest(
    string Model,
    long MaxTokens,
    bool Stream,
    string LastUserText,
    int InputTextLength);

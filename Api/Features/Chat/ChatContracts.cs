using System.Text.Json;
using System.Text.Json.Serialization;

namespace Api.Features.Chat;

public sealed record ChatRequest(string? Content);

// The data of each server-sent event of POST /api/projects/{projectId}/chat (camelCase JSON).

/// <summary><c>message_saved</c>: the user's message is stored.</summary>
public sealed record MessageSavedEvent(Guid Id, DateTimeOffset CreatedAt);

/// <summary><c>delta</c>: the next piece of the assistant's text.</summary>
public sealed record DeltaEvent(string Text);

/// <summary><c>done</c>: the reply is complete and stored as message <see cref="Id"/>.</summary>
public sealed record DoneEvent(Guid Id, DateTimeOffset CreatedAt, string Model, ChatUsage Usage, string? StopReason, ProposedEditsOutcome Edits);

public sealed record ChatUsage(int InputTokens, int OutputTokens);

/// <summary><c>error</c>: the reply failed; nothing of it is stored.</summary>
public sealed record ErrorEvent(string Type, string Message, int? GatewayStatus, string? GatewayErrorType);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MessageSavedEvent))]
[JsonSerializable(typeof(DeltaEvent))]
[JsonSerializable(typeof(DoneEvent))]
[JsonSerializable(typeof(ErrorEvent))]
internal sealed partial class ChatJsonContext : JsonSerializerContext;

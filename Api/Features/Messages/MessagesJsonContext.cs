using System.Text.Json;
using System.Text.Json.Serialization;
using Api.Infrastructure.Pagination;

namespace Api.Features.Messages;

/// <summary>Source-generated serialization of a conversation page: the hot read path of a chat client.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<MessageResponse>))]
internal sealed partial class MessagesJsonContext : JsonSerializerContext;

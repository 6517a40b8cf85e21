using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

/// <summary>Limits the Gateway applies to <c>/v1/messages</c> before any model sees the request.</summary>
internal sealed class MessagesOptions
{
    public const string SectionName = "Messages";

    /// <summary>Anthropic's own cap on a Messages request is 32 MB; matching it means nothing that would pass upstream is refused here.</summary>
    public int MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>The bounds of <see cref="MessagesOptions"/>, each failure naming its key.</summary>
internal sealed class ValidateMessagesOptions : IValidateOptions<MessagesOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagesOptions options) => SettingChecks.Result(
        (options.MaxRequestBodyBytes is >= 1 and <= int.MaxValue, "Messages:MaxRequestBodyBytes must be between 1 and 2147483647."));
}

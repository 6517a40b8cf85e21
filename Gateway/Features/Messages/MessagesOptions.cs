using Gateway.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Features.Messages;

/// <summary>Limits the Gateway applies to <c>/v1/messages</c> before any model sees the request.</summary>
internal sealed class MessagesOptions
{
    public const string SectionName = "Messages";

    /// <summary>Anthropic's own cap on a Messages request is 32 MB; matching it means nothing that would pass upstream is refused here.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = "Messages:MaxRequestBodyBytes must be between 1 and 2147483647.")]
    public int MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>The data annotations of <see cref="MessagesOptions"/>, checked by code the options validation source generator writes.</summary>
[OptionsValidator]
internal sealed partial class ValidateMessagesOptions : IValidateOptions<MessagesOptions>;

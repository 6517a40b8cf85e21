using System.ComponentModel.DataAnnotations;

namespace Api.Features.Attachments;

/// <summary>Uploads (section <c>Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>The largest attachment accepted, in bytes; a larger upload is refused with 413 and nothing is kept.</summary>
    [Range(1L, 5L * 1024 * 1024 * 1024, ErrorMessage = "Attachments:MaxBytes must be between 1 byte and 5 GiB.")]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

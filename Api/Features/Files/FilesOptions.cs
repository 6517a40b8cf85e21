using System.ComponentModel.DataAnnotations;
using Api.Data;

namespace Api.Features.Files;

/// <summary>Limits on project files and batches (section <c>Files</c>). Sizes are UTF-8 bytes; 1 KB is 1,024 bytes.</summary>
public sealed class FilesOptions
{
    public const string SectionName = "Files";

    public const string BatchTooSmallMessage =
        "Files:MaxBatchBytes must be at least Files:EnterpriseMaxFileBytes plus 1,024 bytes, so the largest file any tier allows fits in a batch.";

    [Range(1, 64 * 1024 * 1024, ErrorMessage = "Files:FreeMaxFileBytes must be between 1 and 67,108,864.")]
    public int FreeMaxFileBytes { get; set; } = 50 * 1024;

    [Range(1, 64 * 1024 * 1024, ErrorMessage = "Files:ProMaxFileBytes must be between 1 and 67,108,864.")]
    public int ProMaxFileBytes { get; set; } = 100 * 1024;

    [Range(1, 64 * 1024 * 1024, ErrorMessage = "Files:EnterpriseMaxFileBytes must be between 1 and 67,108,864.")]
    public int EnterpriseMaxFileBytes { get; set; } = 500 * 1024;

    [Range(1, 1000, ErrorMessage = "Files:MaxOperationsPerBatch must be between 1 and 1,000.")]
    public int MaxOperationsPerBatch { get; set; } = 100;

    /// <summary>The largest request body of a batch, JSON and all; a larger one is refused with 413 before it is read.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "Files:MaxBatchBytes must be between 1,024 and 268,435,456.")]
    public long MaxBatchBytes { get; set; } = 8 * 1024 * 1024;

    [Range(1, ProjectFile.PathMaxLength, ErrorMessage = "Files:MaxPathLength must be between 1 and 512 (the column's width).")]
    public int MaxPathLength { get; set; } = 256;

    public int MaxFileBytes(AccountTier tier) => tier switch
    {
        AccountTier.Pro => ProMaxFileBytes,
        AccountTier.Enterprise => EnterpriseMaxFileBytes,
        _ => FreeMaxFileBytes,
    };

    // JSON escapes can make a file's body up to six times its UTF-8 size; only plain text is promised to fit.
    public bool BatchFitsLargestFile() => MaxBatchBytes >= Math.Max(FreeMaxFileBytes, Math.Max(ProMaxFileBytes, EnterpriseMaxFileBytes)) + 1024L;
}

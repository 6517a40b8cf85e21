using System.ComponentModel.DataAnnotations;

namespace Api.Infrastructure.Storage;

public enum StorageProvider
{
    Local,
    S3,
}

/// <summary>Attachment storage (section <c>Storage</c>): a local folder by default, or an S3-compatible bucket.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Local;

    public LocalStorageOptions Local { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();
}

public sealed class LocalStorageOptions
{
    /// <summary>The folder that holds every attachment; created at start if missing.</summary>
    [Required(ErrorMessage = "Storage:Local:RootPath is required: the folder attachments are kept in.")]
    public string RootPath { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "aspire-stack", "attachments");
}

public sealed class S3StorageOptions
{
    /// <summary>An S3-compatible endpoint such as <c>http://localhost:9000</c> (MinIO); unset means AWS itself, by <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary><c>http://host/bucket/key</c> rather than <c>http://bucket.host/key</c>: what MinIO and most S3 look-alikes need.</summary>
    public bool ForcePathStyle { get; set; } = true;
}

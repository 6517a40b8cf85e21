using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Storage;

/// <summary>
/// Attachments as objects in an S3-compatible bucket. S3 stores an object whole or not at all, so a failed upload
/// leaves nothing; the upload is spooled to a temporary file first because a PUT must know its length.
/// </summary>
public sealed class S3Storage(IAmazonS3 s3, IOptions<StorageOptions> options) : IAttachmentStorage
{
    private readonly string _bucket = options.Value.S3.Bucket!;

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        StorageKeys.EnsureValid(key);
        await using var spool = new FileStream(
            Path.Combine(Path.GetTempPath(), $"s3-upload-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await content.CopyToAsync(spool, cancellationToken);
        spool.Position = 0;
        await s3.PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = spool, AutoCloseStream = false, UseChunkEncoding = false },
            cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.EnsureValid(key);
        try
        {
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
            return new S3ObjectStream(response);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.EnsureValid(key);
        await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken);
    }
}

using Api.Infrastructure.Storage;
using Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace Api.Tests.Infrastructure.Storage;

/// <summary>S3Storage through the real AWS SDK, over HTTP, against the S3 wire-format stub.</summary>
public sealed class S3StorageTests : IAsyncLifetime
{
    private S3Stub _s3 = null!;
    private S3Storage _storage = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _s3 = await S3Stub.StartAsync();
        _storage = Create(_s3.Bucket);
    }

    [Fact]
    public async Task An_object_is_put_path_style_read_back_and_deleted()
    {
        await _storage.WriteAsync("projects/p1/a1", new MemoryStream("hello s3"u8.ToArray()), Cancellation);
        string text;
        await using (var read = await _storage.OpenReadAsync("projects/p1/a1", Cancellation))
        {
            text = await new StreamReader(read!).ReadToEndAsync(Cancellation);
        }

        await _storage.DeleteAsync("projects/p1/a1", Cancellation);

        Assert.Equal("hello s3", text);
        Assert.Contains("PUT /attachments/projects/p1/a1", _s3.Requests);
        Assert.Contains("DELETE /attachments/projects/p1/a1", _s3.Requests);
        Assert.Empty(_s3.Keys);
    }

    [Fact]
    public async Task A_missing_object_reads_as_null_and_deletes_without_error()
    {
        Assert.Null(await _storage.OpenReadAsync("projects/p1/none", Cancellation));
        await _storage.DeleteAsync("projects/p1/none", Cancellation);
    }

    [Fact]
    public async Task An_S3_error_other_than_a_missing_key_reaches_the_caller()
    {
        var wrongBucket = Create("no-such-bucket");

        var error = await Assert.ThrowsAsync<Amazon.S3.AmazonS3Exception>(
            () => wrongBucket.WriteAsync("projects/p1/a1", new MemoryStream([1, 2, 3]), Cancellation));

        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    private S3Storage Create(string bucket)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions { ServiceUrl = _s3.ServiceUrl, Bucket = bucket, AccessKey = "test-access", SecretKey = "test-secret" },
        };
        return new S3Storage(StorageExtensions.CreateS3Client(options.S3), Options.Create(options));
    }

    public async ValueTask DisposeAsync() => await _s3.DisposeAsync();
}

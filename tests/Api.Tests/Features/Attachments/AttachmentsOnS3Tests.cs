using System.Net;
using Api.Tests.Support;
using TestSupport;

namespace Api.Tests.Features.Attachments;

/// <summary>The whole Api with <c>Storage:Provider=S3</c>, against the S3 wire-format stub.</summary>
public sealed class AttachmentsOnS3Tests(PostgresServer postgres, RedisFixture redis) : IAsyncLifetime
{
    private S3Stub _s3 = null!;
    private ApiFactory _api = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _s3 = await S3Stub.StartAsync();
        _api = await ApiFactory.StartAsync(postgres, redis, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:ServiceUrl"] = _s3.ServiceUrl,
            ["Storage:S3:Bucket"] = _s3.Bucket,
            ["Storage:S3:AccessKey"] = "test-access",
            ["Storage:S3:SecretKey"] = "test-secret",
        });
    }

    [Fact]
    public async Task An_attachment_lives_in_the_bucket_from_upload_to_delete()
    {
        using var user = await _api.SignUpAsync();
        var project = await ProjectCalls.CreateAsync(user, "Cloud");
        byte[] bytes = [.. Enumerable.Range(0, 5000).Select(i => (byte)i)];

        var created = await AttachmentCalls.UploadRawAsync(user, project, "data.bin", bytes);
        var id = created.GetProperty("id").GetGuid();
        var key = Assert.Single(_s3.Keys);
        using var download = await user.Client.GetAsync($"/api/projects/{project}/attachments/{id}", Cancellation);
        var downloaded = await download.Content.ReadAsByteArrayAsync(Cancellation);
        using var deleted = await user.Client.DeleteAsync($"/api/projects/{project}/attachments/{id}", Cancellation);

        Assert.Equal($"projects/{project:N}/{id:N}", key);
        Assert.Equal(bytes, downloaded);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(_s3.Keys);
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _s3.DisposeAsync();
    }
}

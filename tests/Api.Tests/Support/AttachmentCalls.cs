using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Api.Tests.Support;

/// <summary>Attachment uploads as a client makes them.</summary>
internal static class AttachmentCalls
{
    public static async Task<JsonElement> UploadRawAsync(SignedInUser user, Guid project, string name, byte[] bytes, string contentType = "application/octet-stream")
    {
        using var response = await PostRawAsync(user, project, name, bytes, contentType: contentType);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>A raw-body upload; <paramref name="chunked"/> sends no Content-Length, so only the read can enforce the cap.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(
        SignedInUser user, Guid project, string name, byte[] bytes, string contentType = "application/octet-stream", bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return user.Client.PostAsync($"/api/projects/{project}/attachments?name={Uri.EscapeDataString(name)}", content, TestContext.Current.CancellationToken);
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

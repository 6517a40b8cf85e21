using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Api.Features.Attachments;

/// <summary>What an upload request carries: the first file part of a multipart form, or else the raw body.</summary>
internal sealed record UploadSource(string? Name, string? ContentType, Stream Body)
{
    /// <summary>The upload, or null when a multipart form holds no file part. <c>?name=</c> wins over the part's file name.</summary>
    public static async Task<UploadSource?> ReadAsync(HttpRequest request, string? name, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return new UploadSource(name, request.ContentType, request.Body);
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return new UploadSource(name ?? fileName, section.ContentType, section.Body);
            }
        }

        return null;
    }
}

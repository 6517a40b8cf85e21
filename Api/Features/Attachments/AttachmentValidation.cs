using System.Diagnostics.CodeAnalysis;
using Api.Data;
using Microsoft.Net.Http.Headers;

namespace Api.Features.Attachments;

internal static class AttachmentValidation
{
    /// <summary>A file name, not a path: it becomes a download's Content-Disposition.</summary>
    public static bool TryValidateName(
        string? requested, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        name = requested?.Trim();
        errors = name switch
        {
            null or "" => Error("name", "An attachment needs a name: ?name= with a raw body, or a file name in the multipart part."),
            { Length: > Attachment.NameMaxLength } => Error("name", $"An attachment name has at most {Attachment.NameMaxLength} characters."),
            "." or ".." => Error("name", "An attachment name is a file name, not '.' or '..'."),
            _ when name.Any(c => char.IsControl(c) || c is '/' or '\\') => Error("name", "An attachment name has no control characters, '/' or '\\'."),
            _ => null,
        };
        return errors is null;
    }

    public static bool TryValidateContentType(
        string? requested, [NotNullWhen(true)] out string? contentType, [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        contentType = string.IsNullOrWhiteSpace(requested) ? "application/octet-stream" : requested.Trim();
        errors = contentType.Length <= Attachment.ContentTypeMaxLength && MediaTypeHeaderValue.TryParse(contentType, out _)
            ? null
            : Error("contentType", "Content-Type is not a media type such as text/plain or image/png.");
        return errors is null;
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}

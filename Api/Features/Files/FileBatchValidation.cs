using System.Diagnostics.CodeAnalysis;
using System.Text;
using Api.Data;

namespace Api.Features.Files;

/// <summary>
/// Everything about a batch that can be checked without the database. Errors are keyed by the JSON path of the
/// field (<c>operations[3].path</c>) and name the file, and every bad operation is reported, not just the first.
/// </summary>
internal static class FileBatchValidation
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryValidate(
        IReadOnlyList<FileOperationRequest?>? requests,
        FilesOptions options,
        [NotNullWhen(true)] out IReadOnlyList<FileOperation>? operations,
        [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        operations = null;
        errors = requests switch
        {
            null or [] => new() { ["operations"] = ["A batch needs at least one operation."] },
            { Count: var count } when count > options.MaxOperationsPerBatch =>
                new() { ["operations"] = [$"A batch has at most {options.MaxOperationsPerBatch} operations; this one has {count}."] },
            _ => null,
        };
        if (errors is not null)
        {
            return false;
        }

        var problems = new Dictionary<string, string[]>();
        var valid = new List<FileOperation>();
        var firstIndexOfPath = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < requests!.Count; index++)
        {
            if (Validate(index, requests[index], options, problems) is not { } operation)
            {
                continue;
            }

            if (firstIndexOfPath.TryGetValue(operation.Path, out var first))
            {
                problems[operation.Key("path")] = [$"'{operation.Path}' is also changed by operations[{first}]; a batch changes a file once."];
                continue;
            }

            firstIndexOfPath[operation.Path] = index;
            valid.Add(operation);
        }

        errors = problems.Count > 0 ? problems : null;
        operations = errors is null ? valid : null;
        return errors is null;
    }

    /// <summary>Files larger than the owner's tier allows, keyed by their content; null when every file fits.</summary>
    public static Dictionary<string, string[]>? Oversize(IReadOnlyList<FileOperation> operations, AccountTier tier, FilesOptions options)
    {
        var max = options.MaxFileBytes(tier);
        var errors = operations
            .Where(o => o.Size > max)
            .ToDictionary(o => o.Key("content"), o => new[] { $"'{o.Path}' is {o.Size:N0} bytes; the {tier} tier allows at most {max:N0} bytes a file." });
        return errors.Count > 0 ? errors : null;
    }

    private static FileOperation? Validate(int index, FileOperationRequest? request, FilesOptions options, Dictionary<string, string[]> errors)
    {
        var key = $"operations[{index}]";
        if (request is null)
        {
            errors[key] = ["An operation is an object with op, path, and content or expectedVersion."];
            return null;
        }

        var before = errors.Count;
        var kind = Kind(request.Op);
        if (kind is null)
        {
            errors[$"{key}.op"] = [$"op is one of create, update, delete{(request.Op is null ? "" : $"; got '{FilePaths.Display(request.Op)}'")}."];
        }

        if (FilePaths.Problem(request.Path, options.MaxPathLength) is { } pathProblem)
        {
            errors[$"{key}.path"] = [pathProblem];
        }

        var named = request.Path is null ? "the file" : $"'{FilePaths.Display(request.Path)}'";
        if (ContentProblem(kind, request.Content, named) is { } contentProblem)
        {
            errors[$"{key}.content"] = [contentProblem];
        }

        if (VersionProblem(kind, request.ExpectedVersion, named) is { } versionProblem)
        {
            errors[$"{key}.expectedVersion"] = [versionProblem];
        }

        return errors.Count > before || kind is not { } valid
            ? null
            : new FileOperation(index, valid, request.Path!, request.Content, request.Content is null ? 0 : s_strictUtf8.GetByteCount(request.Content), request.ExpectedVersion);
    }

    private static FileOperationKind? Kind(string? op) => op switch
    {
        "create" => FileOperationKind.Create,
        "update" => FileOperationKind.Update,
        "delete" => FileOperationKind.Delete,
        _ => null,
    };

    private static string? ContentProblem(FileOperationKind? kind, string? content, string named) => (kind, content) switch
    {
        (FileOperationKind.Delete, not null) => $"A delete takes no content (deleting {named}).",
        (FileOperationKind.Create or FileOperationKind.Update, null) => $"The new content of {named} is required (\"\" for an empty file).",
        // PostgreSQL's text cannot hold NUL, and an unpaired surrogate has no UTF-8 form: neither is a text file.
        (_, not null) when content.Contains('\0', StringComparison.Ordinal) => $"The content of {named} contains NUL (U+0000); files hold text.",
        (_, not null) when !IsWellFormed(content) => $"The content of {named} is not valid Unicode (an unpaired surrogate).",
        _ => null,
    };

    private static string? VersionProblem(FileOperationKind? kind, long? expected, string named) => (kind, expected) switch
    {
        (FileOperationKind.Create, not null) => $"A create takes no expectedVersion ({named} must not exist yet).",
        (FileOperationKind.Update or FileOperationKind.Delete, null) => $"expectedVersion is required: the version of {named} you last read.",
        (FileOperationKind.Update or FileOperationKind.Delete, < 1) => $"expectedVersion is at least 1 (the version of {named} you last read).",
        _ => null,
    };

    private static bool IsWellFormed(string content)
    {
        try
        {
            s_strictUtf8.GetByteCount(content);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}

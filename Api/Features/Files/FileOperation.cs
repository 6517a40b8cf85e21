namespace Api.Features.Files;

public enum FileOperationKind
{
    Create,
    Update,
    Delete,
}

/// <summary>An operation that passed validation: a good path, text content for create and update, a version for update and delete.</summary>
public sealed record FileOperation(int Index, FileOperationKind Kind, string Path, string? Content, int Size, long? ExpectedVersion)
{
    public string Op => Kind.ToString().ToLowerInvariant();

    public string Key(string field) => $"operations[{Index}].{field}";
}

using System.Diagnostics.CodeAnalysis;
using Api.Data;

namespace Api.Features.Projects;

internal static class ProjectValidation
{
    public static bool TryValidateName(
        string? requested,
        [NotNullWhen(true)] out string? name,
        [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        name = requested?.Trim();
        errors = name switch
        {
            null or "" => Error("A project needs a name."),
            { Length: > Project.NameMaxLength } => Error($"A project name has at most {Project.NameMaxLength} characters."),
            _ when name.Any(char.IsControl) => Error("A project name has no control characters."),
            _ => null,
        };
        return errors is null;
    }

    // Keyed by the JSON property name, so clients can point at the field.
    private static Dictionary<string, string[]> Error(string message) => new() { ["name"] = [message] };
}

namespace Api.Data;

public sealed class Project
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; }

    public Guid OwnerId { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

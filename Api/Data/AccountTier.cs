namespace Api.Data;

/// <summary>What an account pays for; it sets, among other things, the largest file a project may hold.</summary>
public enum AccountTier
{
    Free,
    Pro,
    Enterprise,
}

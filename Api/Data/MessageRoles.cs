namespace Api.Data;

/// <summary>The roles of Anthropic's Messages API, stored and returned as written here.</summary>
public static class MessageRoles
{
    public const string User = "user";
    public const string Assistant = "assistant";
}

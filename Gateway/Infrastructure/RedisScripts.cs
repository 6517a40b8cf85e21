namespace Gateway.Infrastructure;

/// <summary>The Lua scripts shipped inside the assembly. StackExchange.Redis sends each by SHA once Redis knows it.</summary>
internal static class RedisScripts
{
    public static readonly string Admit = Load("admit.lua");

    public static readonly string Settle = Load("settle.lua");

    private static string Load(string name)
    {
        using var stream = typeof(RedisScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The script {name} is not embedded in the Gateway assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

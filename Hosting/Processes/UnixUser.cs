namespace Hosting.Processes;

/// <summary>A local user account, read from <c>/etc/passwd</c>.</summary>
internal sealed record UnixUser(string Name, uint Uid, uint Gid)
{
    public static UnixUser? Find(string name)
    {
        if (!File.Exists("/etc/passwd"))
        {
            return null;
        }

        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name && uint.TryParse(fields[2], out var uid) && uint.TryParse(fields[3], out var gid))
            {
                return new UnixUser(name, uid, gid);
            }
        }

        return null;
    }
}

namespace Hosting.Processes;

/// <summary>Whether a program is really there: a removed package can leave a dangling link behind (e.g. /usr/local/bin/postgres).</summary>
internal static class Executable
{
    public static bool Exists(string path)
    {
        try
        {
            var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
            return target?.Exists ?? File.Exists(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // a link loop, or a PATH entry this user may not enter
        }
    }
}

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
        catch (IOException)
        {
            return false; // a link loop
        }
    }
}

using System.Globalization;

namespace Dashboard.Resources;

/// <summary>The resource service's routes, relative to its base URL.</summary>
internal static class ResourceServicePaths
{
    public const string Resources = "api/v1/resources";
    public const string Watch = "api/v1/resources/watch";

    public static string Logs(string resourceName, long afterSequence) =>
        afterSequence > 0
            ? $"api/v1/resources/{Uri.EscapeDataString(resourceName)}/logs?after={afterSequence.ToString(CultureInfo.InvariantCulture)}"
            : $"api/v1/resources/{Uri.EscapeDataString(resourceName)}/logs";

    public static string Command(string resourceName, string command) =>
        $"api/v1/resources/{Uri.EscapeDataString(resourceName)}/commands/{Uri.EscapeDataString(command)}";
}

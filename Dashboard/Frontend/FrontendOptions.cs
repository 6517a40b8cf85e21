using System.ComponentModel.DataAnnotations;

namespace Dashboard.Frontend;

public enum FrontendAuthMode
{
    /// <summary>A token, handed out as a login link, exchanged for a cookie.</summary>
    BrowserToken,

    /// <summary>No login at all: only for a dashboard nobody else can reach.</summary>
    Unsecured,
}

/// <summary>The browser UI, from <c>Dashboard:Frontend</c> (Aspire's dashboard uses the same keys).</summary>
public sealed class FrontendOptions
{
    public const string SectionName = "Dashboard:Frontend";

    /// <summary>Where the UI listens, <c>;</c>-separated. Default: <c>ASPNETCORE_URLS</c>, else <c>http://localhost:18888</c>.</summary>
    [Required]
    public string EndpointUrls { get; set; } = "http://localhost:18888";

    public FrontendAuthMode AuthMode { get; set; } = FrontendAuthMode.BrowserToken;

    /// <summary>The login token; when unset, one is generated at start and its login link written to the log.</summary>
    public string? BrowserToken { get; set; }

    /// <summary>Whether <see cref="BrowserToken"/> was generated at start rather than configured.</summary>
    internal bool TokenWasGenerated { get; set; }

    public IEnumerable<Uri> Urls() => EndpointUrls
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(url => new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)));
}

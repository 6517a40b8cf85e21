using System.ComponentModel.DataAnnotations;

namespace Api.Features.Accounts;

/// <summary>Sessions and lockout (section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>How long a login lasts; logging out ends it sooner.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00", ErrorMessage = "Accounts:SessionLifetime must be between 5 minutes and 365 days.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Consecutive failed logins that lock an account.</summary>
    [Range(1, 100, ErrorMessage = "Accounts:MaxFailedLogins must be between 1 and 100.")]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Accounts:LockoutDuration must be between 1 second and 1 day.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

using Gateway.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Features.Usage;

/// <summary><c>GET /admin/usage?key_id=&amp;from=&amp;to=</c>: the ledger by key, model and day (dates in UTC, both ends included).</summary>
internal static class UsageEndpoints
{
    public static RouteGroupBuilder MapUsageEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/usage", QueryAsync).WithTags("Admin");
        return admin;
    }

    internal static async Task<Results<Ok<UsageReport>, AnthropicErrorResult>> QueryAsync(
        UsageLedger ledger, TimeProvider time,
        [FromQuery(Name = "key_id")] string? keyId, [FromQuery] string? from, [FromQuery] string? to)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!Day(from, today, out var first) || !Day(to, today, out var last))
        {
            return AnthropicErrors.InvalidRequest("from and to must be dates as yyyy-MM-dd.");
        }

        if (last < first || last.DayNumber - first.DayNumber >= UsageLedger.MaxDays)
        {
            return AnthropicErrors.InvalidRequest($"from must not be after to, and the range must not exceed {UsageLedger.MaxDays} days.");
        }

        return TypedResults.Ok(await ledger.QueryAsync(string.IsNullOrWhiteSpace(keyId) ? null : keyId.Trim(), first, last));
    }

    private static bool Day(string? text, DateOnly today, out DateOnly day)
    {
        day = today;
        return string.IsNullOrEmpty(text) || UsageLedger.TryParseDay(text, out day);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Api.Tests.Support;

/// <summary>Project calls other features' tests make as a client would.</summary>
internal static class ProjectCalls
{
    public static async Task<Guid> CreateAsync(SignedInUser user, string name)
    {
        using var response = await user.Client.PostAsJsonAsync("/api/projects", new { name }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    public static async Task RenameAsync(SignedInUser user, Guid id, string name)
    {
        using var response = await user.Client.PatchAsJsonAsync($"/api/projects/{id}", new { name }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

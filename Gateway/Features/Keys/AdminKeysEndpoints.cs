using System.Text.Json;
using Gateway.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Features.Keys;

/// <summary>Issue, list, show and revoke client keys: <c>/admin/keys</c>, behind the admin key.</summary>
internal static class AdminKeysEndpoints
{
    public static RouteGroupBuilder MapAdminKeysEndpoints(this RouteGroupBuilder admin)
    {
        var keys = admin.MapGroup("/keys").WithTags("Admin");
        keys.MapPost("", IssueAsync);
        keys.MapGet("", ListAsync);
        keys.MapGet("/{id}", ShowAsync);
        keys.MapDelete("/{id}", RevokeAsync);
        return admin;
    }

    internal static async Task<Results<Created<ClientKeyInfo>, AnthropicErrorResult>> IssueAsync(IssueKeyRequest? request, ClientKeyStore store)
    {
        if (request is null)
        {
            return AnthropicErrors.InvalidRequest("Request body must be a JSON object.");
        }

        var name = request.Name?.Trim() ?? "";
        if (!ClientKeyFormat.IsValidName(name))
        {
            return AnthropicErrors.InvalidRequest("name: must be 1-64 letters, digits, '-', '_' or '.'");
        }

        var problem = KeyLimits.Problems(JsonNamingPolicy.SnakeCaseLower.ConvertName, request.RequestsPerMinute, request.TokensPerMinute, request.MonthlyBudgetUsd)
            .FirstOrDefault();
        if (problem is not null)
        {
            return AnthropicErrors.InvalidRequest(problem);
        }

        var issued = await store.IssueAsync(name, new KeyLimits(request.RequestsPerMinute, request.TokensPerMinute, request.MonthlyBudgetUsd));
        return TypedResults.Created($"/admin/keys/{issued.Id}", issued);
    }

    internal static async Task<Ok<ListPage<ClientKeyInfo>>> ListAsync(ClientKeyStore store) =>
        TypedResults.Ok(new ListPage<ClientKeyInfo>(await store.ListAsync()));

    internal static async Task<Results<Ok<ClientKeyInfo>, AnthropicErrorResult>> ShowAsync(string id, ClientKeyStore store) =>
        await store.FindAsync(id) is { } info ? TypedResults.Ok(info) : AnthropicErrors.NotFound($"No client key {id}.");

    internal static async Task<Results<Ok<ClientKeyInfo>, AnthropicErrorResult>> RevokeAsync(string id, ClientKeyStore store)
    {
        if (store.IsPreset(id))
        {
            return AnthropicErrors.InvalidRequest($"Key {id} is declared in configuration (ClientKeys:Preset); remove it there.");
        }

        return await store.RevokeAsync(id) && await store.FindAsync(id) is { } info
            ? TypedResults.Ok(info)
            : AnthropicErrors.NotFound($"No client key {id}.");
    }
}

/// <summary>A list in the envelope Anthropic uses for lists.</summary>
internal sealed record ListPage<T>(IReadOnlyList<T> Data);

using Api.Data;
using Api.Features.Accounts;
using Api.Features.Attachments;
using Api.Features.Assistant;
using Api.Features.Chat;
using Api.Features.Diagnostics;
using Api.Features.FeatureFlags;
using Api.Features.Files;
using Api.Features.Messages;
using Api.Features.Projects;
using Api.Features.Realtime;
using Api.Features.Search;
using Api.Infrastructure.Authentication;
using Api.Infrastructure.Gateway;
using Api.Infrastructure.Json;
using Api.Infrastructure.OpenApi;
using Api.Infrastructure.RateLimiting;
using Api.Infrastructure.Redis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiJson();
builder.AddDatabase();
builder.AddApiRedis();
builder.AddPerIpRateLimits();
builder.AddSessionAuthentication();
builder.AddAccounts();
builder.AddFiles();
builder.AddGatewayClient();
builder.AddFeatureFlags();
builder.AddProjects();
builder.AddRealtime();
builder.AddAttachments();
builder.AddApiOpenApi();
builder.AddMessages();
builder.AddChat();
builder.AddSearch();

var app = builder.Build();

await app.MigrateDatabaseAsync();

// Bodiless errors from routing and the framework (404, 405, 415) become ProblemDetails too.
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapAccountsEndpoints();
app.MapProjectsEndpoints();
app.MapFilesEndpoints();
app.MapMessagesEndpoints();
app.MapChatEndpoints();
app.MapSearchEndpoints();
app.MapAssistantEndpoints();
app.MapDiagnosticsEndpoints();
app.MapFeatureFlagsEndpoints();
app.MapProjectEventsEndpoints();
app.MapAttachmentsEndpoints();
app.MapOpenApi();

app.Run();

/// <summary>The Api's entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;

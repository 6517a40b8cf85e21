using Api.Data;
using Api.Features.Accounts;
using Api.Features.Assistant;
using Api.Features.Chat;
using Api.Features.Diagnostics;
using Api.Features.Messages;
using Api.Features.Projects;
using Api.Infrastructure.Authentication;
using Api.Infrastructure.Gateway;
using Api.Infrastructure.Json;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiJson();
builder.AddDatabase();
builder.AddRedisClient("cache");
builder.AddSessionAuthentication();
builder.AddAccounts();
builder.AddGatewayClient();
builder.AddMessages();
builder.AddChat();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.MapDefaultEndpoints();
app.MapAccountsEndpoints();
app.MapProjectsEndpoints();
app.MapMessagesEndpoints();
app.MapChatEndpoints();
app.MapAssistantEndpoints();
app.MapDiagnosticsEndpoints();

app.Run();

/// <summary>The Api's entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;

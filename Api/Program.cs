using Api.Data;
using Api.Features.Assistant;
using Api.Features.Diagnostics;
using Api.Features.Projects;
using Api.Infrastructure.Gateway;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.AddDatabase();
builder.AddRedisClient("cache");
builder.AddGatewayClient();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.MapDefaultEndpoints();
app.MapProjectsEndpoints();
app.MapAssistantEndpoints();
app.MapDiagnosticsEndpoints();

app.Run();

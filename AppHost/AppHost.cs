using Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// Traces, logs and metrics of every service, console output, resource commands: http://localhost:18888.
builder.AddDashboard<Projects.Dashboard>();

// Optional: without it the Gateway answers with its mock model.
var anthropicApiKey = builder.AddParameter("anthropic-api-key", secret: true, optional: true);

// The Api's key for the Gateway: generated on the first run, kept in the state directory, given to both.
var gatewayClientKey = builder.AddGeneratedParameter("gateway-client-key");
// The Gateway's admin key (issuing client keys, reading the ledger): http://localhost:5090/admin/keys.
var gatewayAdminKey = builder.AddGeneratedParameter("gateway-admin-key");

var postgres = builder.AddPostgres("postgres").WithDataVolume();
var appdb = postgres.AddDatabase("appdb");

var cache = builder.AddRedis("cache").WithDataVolume();

var gateway = builder.AddProject<Projects.Gateway>("gateway", port: 5090)
    .WithReference(cache)
    .WaitFor(cache)
    .WithEnvironment("Anthropic__ApiKey", anthropicApiKey)
    .WithEnvironment("ClientKeys__Preset__api__Key", gatewayClientKey)
    .WithEnvironment("Admin__ApiKey", gatewayAdminKey)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Api>("api", port: 5080)
    .WithReference(appdb)
    .WithReference(cache)
    .WithReference(gateway)
    .WithEnvironment("Gateway__ApiKey", gatewayClientKey)
    .WaitFor(appdb)
    .WaitFor(cache)
    .WaitFor(gateway)
    .WithHttpHealthCheck("/health");

builder.Build().Run();

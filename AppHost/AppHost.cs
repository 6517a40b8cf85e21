using Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// Traces, logs and metrics of every service, console output, resource commands: http://localhost:18888.
builder.AddDashboard<Projects.Dashboard>();

// Optional: without it the Gateway answers with its mock model.
var anthropicApiKey = builder.AddParameter("anthropic-api-key", secret: true, optional: true);

var postgres = builder.AddPostgres("postgres").WithDataVolume();
var appdb = postgres.AddDatabase("appdb");

var cache = builder.AddRedis("cache").WithDataVolume();

var gateway = builder.AddProject<Projects.Gateway>("gateway", port: 5090)
    .WithReference(cache)
    .WaitFor(cache)
    .WithEnvironment("Anthropic__ApiKey", anthropicApiKey)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Api>("api", port: 5080)
    .WithReference(appdb)
    .WithReference(cache)
    .WithReference(gateway)
    .WaitFor(appdb)
    .WaitFor(cache)
    .WaitFor(gateway)
    .WithHttpHealthCheck("/health");

builder.Build().Run();

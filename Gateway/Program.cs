using Gateway;
using Gateway.Infrastructure;

// Socket completions inline on the event threads, before the first socket exists (InlineSocketCompletions).
InlineSocketCompletions.EnableUnlessSet();

// The slim builder: no IIS, QUIC or hosting-startup pieces loaded, a few MB less resident (bench/README.md).
// appsettings*.json read once, without a file watcher (its thread and assembly, ~0.5 MB resident): a setting changes
// with a restart, as in a container.
var builder = WebApplication.CreateSlimBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.WebHost.UseKestrelHttpsConfiguration();

// Service defaults, Redis, CORS, client keys, rate limits, usage ledger, model catalog, response cache, Messages API.
builder.AddGatewayServices();

var app = builder.Build();

// Exception handler, CORS, /health and /alive, /admin, /v1/models, /v1/messages.
app.MapGatewayEndpoints();

app.Run();

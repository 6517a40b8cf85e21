using Gateway.Features.Messages;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("cache");
builder.AddMessages();

var app = builder.Build();

// Inside the developer exception page, which would otherwise answer Anthropic SDKs with ProblemDetails.
app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapMessagesEndpoints();

app.Run();

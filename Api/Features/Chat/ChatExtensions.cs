namespace Api.Features.Chat;

public static class ChatExtensions
{
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChatOptions>()
            .BindConfiguration(ChatOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ChatRelay>();
        builder.Services.AddScoped<IProposedEditsApplier, FileBatchEditsApplier>();
        return builder;
    }
}

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
        // The lead connects this to the files feature's atomic batches; until then edits are only reported.
        builder.Services.AddSingleton<IProposedEditsApplier, RecordOnlyEditsApplier>();
        return builder;
    }
}

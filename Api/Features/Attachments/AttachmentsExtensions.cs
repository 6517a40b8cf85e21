using Api.Infrastructure.Storage;

namespace Api.Features.Attachments;

public static class AttachmentsExtensions
{
    public static IHostApplicationBuilder AddAttachments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddAttachmentStorage();
        builder.Services.AddScoped<AttachmentUploads>();
        return builder;
    }
}

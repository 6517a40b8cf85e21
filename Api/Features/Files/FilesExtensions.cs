namespace Api.Features.Files;

public static class FilesExtensions
{
    public static IHostApplicationBuilder AddFiles(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FilesOptions>()
            .BindConfiguration(FilesOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.BatchFitsLargestFile(), FilesOptions.BatchTooSmallMessage)
            .ValidateOnStart();
        builder.Services.AddScoped<FileBatches>();
        return builder;
    }
}

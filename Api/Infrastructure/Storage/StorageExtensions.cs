using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Storage;

public static class StorageExtensions
{
    /// <summary>The <see cref="IAttachmentStorage"/> that <c>Storage:Provider</c> names, checked at start.</summary>
    public static IHostApplicationBuilder AddAttachmentStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<LocalFileStorage>();
        builder.Services.AddSingleton<IAmazonS3>(services => CreateS3Client(services.GetRequiredService<IOptions<StorageOptions>>().Value.S3));
        builder.Services.AddSingleton<S3Storage>();
        builder.Services.AddSingleton<IAttachmentStorage>(services =>
            services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.S3
                ? services.GetRequiredService<S3Storage>()
                : services.GetRequiredService<LocalFileStorage>());
        return builder;
    }

    internal static AmazonS3Client CreateS3Client(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // S3 look-alikes do not all understand the SDK's default trailing checksums (aws-chunked bodies).
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }

        return string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}

using Microsoft.Extensions.Options;

namespace Api.Infrastructure.Storage;

/// <summary>The rules that depend on <c>Storage:Provider</c>; each failure names its key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = options.Provider switch
        {
            StorageProvider.Local => LocalFailures(options.Local),
            StorageProvider.S3 => S3Failures(options.S3),
            _ => ["Storage:Provider must be Local or S3."],
        };
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static List<string> LocalFailures(LocalStorageOptions local) =>
        string.IsNullOrWhiteSpace(local.RootPath) || !Path.IsPathFullyQualified(local.RootPath)
            ? ["Storage:Local:RootPath must be an absolute folder path."]
            : [];

    private static List<string> S3Failures(S3StorageOptions s3)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(s3.Bucket))
        {
            failures.Add("Storage:S3:Bucket is required when Storage:Provider is S3.");
        }

        if (s3.ServiceUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add("Storage:S3:ServiceUrl must be an absolute URL such as http://localhost:9000.");
        }

        if (string.IsNullOrEmpty(s3.AccessKey) != string.IsNullOrEmpty(s3.SecretKey))
        {
            failures.Add("Storage:S3:AccessKey and Storage:S3:SecretKey are set together or not at all.");
        }

        return failures;
    }
}

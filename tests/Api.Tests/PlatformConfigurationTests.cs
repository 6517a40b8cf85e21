using Api.Features.Attachments;
using Api.Features.FeatureFlags;
using Api.Features.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Api.Tests;

// Feature flags, realtime, attachments and storage: each bad value refuses the start with a message naming its key.
public sealed class PlatformConfigurationTests
{
    [Theory]
    [InlineData("Storage:Provider", "S3", "Storage:S3:Bucket is required")]
    [InlineData("Storage:Local:RootPath", "relative/folder", "Storage:Local:RootPath must be an absolute folder path")]
    [InlineData("Attachments:MaxBytes", "0", "Attachments:MaxBytes must be between")]
    [InlineData("Realtime:HeartbeatInterval", "00:00:00", "Realtime:HeartbeatInterval must be between")]
    [InlineData("Realtime:ReplayCount", "-1", "Realtime:ReplayCount must be between")]
    public void A_bad_value_is_refused_by_key(string key, string value, string message)
    {
        var error = Validate(new() { [key] = value });

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_S3_endpoint_that_is_not_a_url_and_a_lone_access_key_are_both_named()
    {
        var error = Validate(new()
        {
            ["Storage:Provider"] = "S3", ["Storage:S3:Bucket"] = "b", ["Storage:S3:ServiceUrl"] = "minio:9000", ["Storage:S3:AccessKey"] = "k",
        });

        Assert.Contains("Storage:S3:ServiceUrl must be an absolute URL", error, StringComparison.Ordinal);
        Assert.Contains("Storage:S3:AccessKey and Storage:S3:SecretKey", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_flag_that_is_not_a_boolean_is_refused_by_key()
    {
        var error = Validate(new() { ["Features:Chat"] = "yes", ["Features:Search"] = "false" });

        Assert.Contains("Features:Chat must be true or false.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Features:Search", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = Build([]);

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.True(services.GetRequiredService<IOptions<FeatureOptions>>().Value.Attachments);
    }

    private static string Validate(Dictionary<string, string?> configuration)
    {
        using var services = Build(configuration);
        return Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate()).Message;
    }

    private static ServiceProvider Build(Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddFeatureFlags().AddRealtime().AddAttachments();
        return builder.Services.BuildServiceProvider();
    }
}

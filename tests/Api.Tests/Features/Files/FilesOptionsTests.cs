using Api.Features.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Api.Tests.Features.Files;

public sealed class FilesOptionsTests
{
    [Theory]
    [InlineData("Files:FreeMaxFileBytes", "0")]
    [InlineData("Files:ProMaxFileBytes", "-1")]
    [InlineData("Files:EnterpriseMaxFileBytes", "100000000")]
    [InlineData("Files:MaxOperationsPerBatch", "0")]
    [InlineData("Files:MaxBatchBytes", "10")]
    [InlineData("Files:MaxPathLength", "513")]
    public void An_out_of_range_limit_is_refused_naming_its_key(string key, string value)
    {
        Assert.Contains(key, Validate(new() { [key] = value }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_limit_too_small_for_the_largest_file_is_refused_naming_both_keys()
    {
        var error = Validate(new() { ["Files:MaxBatchBytes"] = "100000" });

        Assert.Contains("Files:MaxBatchBytes", error, StringComparison.Ordinal);
        Assert.Contains("Files:EnterpriseMaxFileBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_the_issues_tier_limits()
    {
        using var services = Build([]);
        services.GetRequiredService<IStartupValidator>().Validate();
        var options = services.GetRequiredService<IOptions<FilesOptions>>().Value;

        Assert.Equal([50 * 1024, 100 * 1024, 500 * 1024],
            [options.MaxFileBytes(Api.Data.AccountTier.Free), options.MaxFileBytes(Api.Data.AccountTier.Pro), options.MaxFileBytes(Api.Data.AccountTier.Enterprise)]);
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
        builder.AddFiles();
        return builder.Services.BuildServiceProvider();
    }
}

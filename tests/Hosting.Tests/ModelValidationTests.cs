using Hosting.Testing;

namespace Hosting.Tests;

public class ModelValidationTests : IDisposable
{
    private readonly TempStateDirectory _state = new();

    private DistributedApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        var configuration = settings.ToDictionary(s => s.Key, s => s.Value);
        configuration["AppHost:StateDirectory"] = _state.Path;
        return DistributedApplicationTestingBuilder.Create(configuration);
    }

    [Fact]
    public void An_override_for_an_unknown_resource_names_it()
    {
        var builder = Builder(("Resources:apii:Port", "5000"));
        builder.AddRedis("cache");

        var problem = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("'Resources:apii' names no resource", problem.Message);
        Assert.Contains("cache", problem.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void A_malformed_port_names_the_key_and_value(string port)
    {
        var builder = Builder(("Resources:cache:Port", port));
        builder.AddRedis("cache");

        var problem = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Equal($"Configuration 'Resources:cache:Port' is '{port}', which is not a port (0-65535; 0 picks a free one).", problem.Message);
    }

    [Fact]
    public void A_port_override_is_applied()
    {
        var builder = Builder(("Resources:cache:Port", "6399"));
        var cache = builder.AddRedis("cache");

        builder.Build();

        Assert.Equal(6399, cache.Resource.Port);
    }

    [Fact]
    public void A_reference_to_a_resource_of_another_application_is_named()
    {
        var other = Builder().AddRedis("elsewhere");
        var builder = Builder();
        builder.AddExecutable("tool", "true", "/").WithReference(other);

        var problem = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Equal("Resource 'tool' references 'elsewhere', which is not part of this application.", problem.Message);
    }

    [Fact]
    public void A_wait_cycle_is_named()
    {
        var builder = Builder();
        var a = builder.AddExecutable("a", "true", "/");
        var b = builder.AddExecutable("b", "true", "/").WaitFor(a);
        a.WaitFor(b);

        var problem = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("cycle: a -> b -> a", problem.Message);
    }

    [Fact]
    public void A_required_parameter_without_value_says_where_to_set_it()
    {
        var builder = Builder();
        builder.AddParameter("api-key", secret: true);

        var problem = Assert.Throws<DistributedApplicationException>(builder.Build);

        Assert.Contains("Parameters:api-key", problem.Message);
        Assert.Contains("Parameters__api-key", problem.Message);
    }

    [Fact]
    public void A_parameter_is_read_from_configuration()
    {
        var builder = Builder(("Parameters:api-key", " sk-test "));
        var key = builder.AddParameter("api-key", secret: true);

        builder.Build();

        Assert.Equal("sk-test", key.Resource.Value);
    }

    [Fact]
    public void A_generated_parameter_needs_no_value_and_configuration_still_wins()
    {
        var builder = Builder(("Parameters:given", "from-config"));
        var generated = builder.AddGeneratedParameter("generated");
        var given = builder.AddGeneratedParameter("given");

        builder.Build();

        // Filled in from the state directory's secrets when the application starts (AppHost.Tests checks the file).
        Assert.Null(generated.Resource.Value);
        Assert.True(generated.Resource.Secret);
        Assert.Equal("from-config", given.Resource.Value);
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("my_db")]
    [InlineData("1st")]
    public void Resource_names_are_checked(string name)
    {
        var problem = Assert.Throws<DistributedApplicationException>(() => Builder().AddRedis(name));

        Assert.Contains($"'{name}' is not valid", problem.Message);
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        var builder = Builder();
        builder.AddRedis("cache");

        Assert.Throws<DistributedApplicationException>(() => builder.AddPostgres("cache"));
    }

    [Fact]
    public void An_unknown_container_runtime_is_refused()
    {
        var problem = Assert.Throws<DistributedApplicationException>(Builder(("AppHost:ContainerRuntime", "lxc")).Build);

        Assert.Contains("AppHost:ContainerRuntime is 'lxc'", problem.Message);
    }

    [Fact]
    public void A_malformed_setting_names_its_key()
    {
        var problem = Assert.Throws<DistributedApplicationException>(Builder(("AppHost:AutoInstall", "maybe")).Build);

        Assert.Contains("AppHost:AutoInstall", problem.Message);
    }

    public void Dispose() => _state.Dispose();
}

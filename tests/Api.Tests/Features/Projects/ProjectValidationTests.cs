using Api.Features.Projects;

namespace Api.Tests.Features.Projects;

public sealed class ProjectValidationTests
{
    [Theory]
    [InlineData("a", "a")]
    [InlineData("  Apollo  ", "Apollo")]
    [InlineData("\tTab and newline\n", "Tab and newline")]
    public void A_valid_name_is_accepted_trimmed(string given, string expected)
    {
        Assert.True(ProjectValidation.TryValidateName(given, out var name, out _));
        Assert.Equal(expected, name);
    }

    [Fact]
    public void A_name_of_200_characters_after_trimming_is_accepted()
    {
        Assert.True(ProjectValidation.TryValidateName($"  {new string('x', 200)}  ", out var name, out _));
        Assert.Equal(200, name.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void A_missing_or_blank_name_is_refused_on_the_name_field(string? given)
    {
        Assert.False(ProjectValidation.TryValidateName(given, out _, out var errors));
        Assert.Equal(["A project needs a name."], errors["name"]);
    }

    [Fact]
    public void A_name_of_201_characters_is_refused_on_the_name_field()
    {
        Assert.False(ProjectValidation.TryValidateName(new string('x', 201), out _, out var errors));
        Assert.Equal(["A project name has at most 200 characters."], errors["name"]);
    }

    [Fact]
    public void A_name_with_a_control_character_inside_is_refused_on_the_name_field()
    {
        Assert.False(ProjectValidation.TryValidateName("bad\u0000name", out _, out var errors));
        Assert.Equal(["A project name has no control characters."], errors["name"]);
    }
}

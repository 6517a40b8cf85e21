using Api.Features.Assistant;

namespace Api.Tests.Features.Assistant;

public sealed class PromptValidationTests
{
    [Theory]
    [InlineData("Hi")]
    [InlineData("  indented\n  code  ")]
    public void A_prompt_is_accepted_as_written(string given)
    {
        Assert.True(PromptValidation.TryValidate(new AskRequest(given), out var prompt, out _));
        Assert.Equal(given, prompt);
    }

    [Theory]
    [InlineData(null, "A prompt is required.")]
    [InlineData("", "A prompt cannot be blank.")]
    [InlineData(" \n\t", "A prompt cannot be blank.")]
    public void A_missing_or_blank_prompt_is_refused_on_the_prompt_field(string? given, string message)
    {
        Assert.False(PromptValidation.TryValidate(new AskRequest(given), out _, out var errors));
        Assert.Equal([message], errors["prompt"]);
    }

    [Fact]
    public void A_prompt_longer_than_the_limit_is_refused_and_one_at_the_limit_accepted()
    {
        Assert.True(PromptValidation.TryValidate(new AskRequest(new string('x', PromptValidation.MaxLength)), out _, out _));
        Assert.False(PromptValidation.TryValidate(new AskRequest(new string('x', PromptValidation.MaxLength + 1)), out _, out var errors));
        Assert.True(errors.ContainsKey("prompt"));
    }
}

using Api.Data;
using Api.Features.Files;

namespace Api.Tests.Features.Files;

/// <summary>The validation other features get through FileBatches, where no JSON reader stands in front of it.</summary>
public sealed class FileBatchValidationTests
{
    private static readonly FilesOptions s_options = new();

    [Fact]
    public void Content_with_an_unpaired_surrogate_is_refused_naming_the_file()
    {
        var errors = Invalid(new FileOperationRequest("create", "a.txt", "lone \ud800", null));

        Assert.Contains("'a.txt' is not valid Unicode", errors["operations[0].content"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_is_named_with_its_control_characters_escaped()
    {
        var errors = Invalid(new FileOperationRequest("create", "a\u001bb", "x", null));

        Assert.Equal("'a\\u001Bb' contains the control character U+001B.", errors["operations[0].path"][0]);
    }

    [Fact]
    public void Sizes_are_measured_in_utf8_bytes_against_the_tier()
    {
        Assert.True(FileBatchValidation.TryValidate([new FileOperationRequest("create", "a.txt", "€", null)], s_options, out var operations, out _));

        Assert.Equal(3, Assert.Single(operations).Size);
        Assert.Null(FileBatchValidation.Oversize(operations, AccountTier.Free, new FilesOptions { FreeMaxFileBytes = 3 }));
        Assert.NotNull(FileBatchValidation.Oversize(operations, AccountTier.Free, new FilesOptions { FreeMaxFileBytes = 2 }));
    }

    private static Dictionary<string, string[]> Invalid(params FileOperationRequest[] requests)
    {
        Assert.False(FileBatchValidation.TryValidate(requests, s_options, out _, out var errors));
        return errors;
    }
}

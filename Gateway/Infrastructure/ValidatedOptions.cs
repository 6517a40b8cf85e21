using Microsoft.Extensions.Options;

namespace Gateway.Infrastructure;

internal static class ValidatedOptions
{
    /// <summary>
    /// Checks the options with <typeparamref name="TValidator"/> when the host starts, so bad configuration stops it
    /// there. It takes the builder already bound, because the binding source generator compiles only a
    /// BindConfiguration call on a concrete options type, never one inside a generic helper.
    /// </summary>
    /// <remarks>
    /// The validator is the options validation source generator's (<c>[OptionsValidator]</c>) or a hand-written one,
    /// never <c>ValidateDataAnnotations</c>: that reads the attributes by reflection through TypeDescriptor, which
    /// loads System.ComponentModel.TypeConverter and ~1 MB more resident memory at idle (bench/README.md).
    /// </remarks>
    public static OptionsBuilder<T> ValidatedOnStart<T, TValidator>(this OptionsBuilder<T> options)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        options.Services.AddSingleton<IValidateOptions<T>, TValidator>();
        return options.ValidateOnStart();
    }
}

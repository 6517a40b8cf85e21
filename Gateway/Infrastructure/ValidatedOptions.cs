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
    /// The validator is written code (<see cref="SettingChecks"/>, or a validator of its own for rules across settings),
    /// never <c>ValidateDataAnnotations</c>: that reads the attributes by reflection through TypeDescriptor, which loads
    /// System.ComponentModel.TypeConverter, and even source-generated annotation checks load
    /// System.ComponentModel.Annotations: together about 1 MB resident at idle (bench/README.md).
    /// </remarks>
    public static OptionsBuilder<T> ValidatedOnStart<T, TValidator>(this OptionsBuilder<T> options)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        options.Services.AddSingleton<IValidateOptions<T>, TValidator>();
        return options.ValidateOnStart();
    }
}

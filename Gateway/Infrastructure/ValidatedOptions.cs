using Microsoft.Extensions.Options;

namespace Gateway.Infrastructure;

internal static class ValidatedOptions
{
    /// <summary>
    /// Checks the options' data annotations when the host starts, so bad configuration stops it there. It takes the
    /// builder already bound, because the binding source generator compiles only a BindConfiguration call on a
    /// concrete options type, never one inside a generic helper.
    /// </summary>
    public static OptionsBuilder<T> ValidatedOnStart<T>(this OptionsBuilder<T> options)
        where T : class => options.ValidateDataAnnotations().ValidateOnStart();
}

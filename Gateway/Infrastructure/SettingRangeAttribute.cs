using System.ComponentModel.DataAnnotations;

namespace Gateway.Infrastructure;

/// <summary>
/// <see cref="RangeAttribute"/> for a setting, whose <c>ErrorMessage</c> (naming the configuration key) reaches the
/// failure. The options validation source generator replaces a plain <c>[Range]</c> with a copy of its own that drops
/// <c>ErrorMessage</c> and names the C# property instead (dotnet/runtime#123137); a derived attribute it uses as written.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
    }
}

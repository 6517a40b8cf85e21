namespace Hosting;

/// <summary>
/// A value taken from configuration <c>Parameters:{name}</c> (user secrets, environment, <c>.env.local</c>);
/// a secret one is masked wherever it is shown and handed only to the resources that reference it.
/// </summary>
public sealed class ParameterResource(string name, bool secret, bool optional) : Resource(name)
{
    /// <summary>Whether the value is a secret.</summary>
    public bool Secret { get; } = secret;

    /// <summary>Whether the application may start without a value.</summary>
    public bool Optional { get; } = optional;

    /// <summary>
    /// When configuration gives no value, one is generated on first run and kept in the state directory's secrets,
    /// so it is stable across runs (Aspire's generated parameter default with persistence).
    /// </summary>
    public bool Generated { get; init; }

    /// <summary>The value, once read from configuration (or generated, at start).</summary>
    public string? Value { get; internal set; }

    /// <summary>The configuration key the value comes from.</summary>
    public string ConfigurationKey => $"Parameters:{Name}";

    /// <inheritdoc />
    public override string Kind => "parameter";
}

namespace Api.Features.FeatureFlags;

/// <summary>Feature flags (section <c>Features</c>): every feature is on unless configuration turns it off.</summary>
public sealed class FeatureOptions
{
    public const string SectionName = "Features";

    public bool Chat { get; set; } = true;

    public bool Search { get; set; } = true;

    public bool Realtime { get; set; } = true;

    public bool Attachments { get; set; } = true;

    /// <summary>Keys whose value was not a boolean; the start-up validation reports them.</summary>
    internal List<string> InvalidKeys { get; } = [];

    public bool IsEnabled(ApiFeature feature) => feature switch
    {
        ApiFeature.Chat => Chat,
        ApiFeature.Search => Search,
        ApiFeature.Realtime => Realtime,
        ApiFeature.Attachments => Attachments,
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown feature."),
    };

    internal void Set(ApiFeature feature, bool enabled)
    {
        switch (feature)
        {
            case ApiFeature.Chat: Chat = enabled; break;
            case ApiFeature.Search: Search = enabled; break;
            case ApiFeature.Realtime: Realtime = enabled; break;
            case ApiFeature.Attachments: Attachments = enabled; break;
            default: throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown feature.");
        }
    }
}

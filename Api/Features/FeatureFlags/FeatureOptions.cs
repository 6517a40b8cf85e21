namespace Api.Features.FeatureFlags;

/// <summary>Feature flags (section <c>Features</c>): every feature is on unless configuration turns it off.</summary>
public sealed class FeatureOptions
{
    public const string SectionName = "Features";

    public bool Chat { get; set; } = true;

    public bool Search { get; set; } = true;

    public bool Realtime { get; set; } = true;

    public bool Attachments { get; set; } = true;

    public bool IsEnabled(ApiFeature feature) => feature switch
    {
        ApiFeature.Chat => Chat,
        ApiFeature.Search => Search,
        ApiFeature.Realtime => Realtime,
        ApiFeature.Attachments => Attachments,
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "Unknown feature."),
    };
}

namespace Api.Features.FeatureFlags;

/// <summary>The parts of the Api that configuration can switch off (section <c>Features</c>).</summary>
public enum ApiFeature
{
    Chat,
    Search,
    Realtime,
    Attachments,
}

namespace Gateway.Features.Keys;

/// <summary>The key a request presented, as the Gateway may hold it: its hash and id, and the preset it matches if any.</summary>
internal sealed record ClientCredential(string Id, string Hash, PresetIdentity? Preset);

/// <summary>A key declared in configuration: its name and limits, known without asking Redis.</summary>
internal sealed record PresetIdentity(string Name, KeyLimits Limits);

namespace ServiceDefaults;

/// <summary>Registered once so that a repeated <c>AddServiceDefaults()</c> call is a no-op.</summary>
internal sealed class ServiceDefaultsMarker;

namespace Api.Features.Realtime;

/// <summary>Redis, which carries project events between replicas, is not connected.</summary>
public sealed class EventBusUnavailableException() : Exception("Redis, which carries project events, is not connected.");

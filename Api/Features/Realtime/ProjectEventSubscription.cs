using System.Threading.Channels;
using StackExchange.Redis;

namespace Api.Features.Realtime;

/// <summary>
/// One stream's Redis subscription. A client that falls <see cref="Capacity"/> events behind is cut off rather
/// than silently skipped: its EventSource reconnects with Last-Event-ID and catches up from the replay list.
/// </summary>
public sealed class ProjectEventSubscription(ISubscriber subscriber, string channel) : IAsyncDisposable
{
    public const int Capacity = 1_000;

    private readonly Channel<string> _events = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private Action<RedisChannel, RedisValue>? _handler;

    public ChannelReader<string> Events => _events.Reader;

    /// <summary>True once the client fell too far behind and the subscription stopped.</summary>
    public bool Overflowed { get; private set; }

    internal Task StartAsync() => subscriber.SubscribeAsync(channel, _handler = OnMessage);

    private void OnMessage(RedisChannel _, RedisValue message)
    {
        if (!_events.Writer.TryWrite(message!))
        {
            Overflowed = true;
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        if (_handler is not null)
        {
            await subscriber.UnsubscribeAsync(channel, _handler);
        }
    }
}

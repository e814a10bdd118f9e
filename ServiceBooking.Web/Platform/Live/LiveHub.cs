using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>
/// Something in this process that keeps what the database said (a cache) and must forget it when told. Called on the
/// listener's thread: it must be quick and must not block.
/// </summary>
public interface ILiveObserver
{
    /// <summary>A change to <paramref name="topic"/> was committed.</summary>
    void Changed(string topic);

    /// <summary>Anything may have changed (the listener connected again, and may have missed notifications).</summary>
    void Reset();
}

/// <summary>
/// This instance's fan-out of committed changes: the listener (<see cref="LiveListener"/>) hands every notification to
/// <see cref="Publish"/>, which first tells the observers (caches), then wakes the streams subscribed to the topic.
/// </summary>
/// <remarks>
/// <para>The listener is never held up by a client: each stream has a bounded buffer, and a notification that finds it
/// full is dropped and the stream marked as lagging, so that the next thing it sends is "re-fetch" (its page catches
/// up with one request) instead of a backlog.</para>
/// <para>A stream is open only while this instance is listening. When the connection is lost every stream is ended
/// (the browser reconnects, possibly to another instance, and polls meanwhile), and new ones are refused until the
/// listener is back. So nothing live is kept only in one process: what a stream sends always follows the database's
/// notifications.</para>
/// </remarks>
public sealed class LiveHub(IOptions<LiveOptions> options)
{
    /// <summary>The topic a subscription reads when it must re-fetch everything (it lagged, or the listener came back).</summary>
    public const string Resync = "*";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<LiveSubscription>> _byTopic = new(StringComparer.Ordinal);
    private readonly HashSet<LiveSubscription> _all = [];
    private ILiveObserver[] _observers = [];
    private volatile bool _listening;

    /// <summary>Whether the listener is connected now: caches may keep what they read only while it is.</summary>
    public bool IsListening => _listening;

    /// <summary>How many streams are open on this instance.</summary>
    public int Streams
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Adds a cache to tell. A cache registers itself when it is first made: before that it holds nothing.</summary>
    public void Observe(ILiveObserver observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }
    }

    /// <summary>A stream's subscription to <paramref name="topics"/>; null while this instance is not listening.</summary>
    public LiveSubscription? Subscribe(IReadOnlyCollection<string> topics)
    {
        var subscription = new LiveSubscription(this, topics, options.Value.StreamBuffer);
        lock (_gate)
        {
            if (!_listening)
            {
                return null;
            }

            _all.Add(subscription);
            foreach (var topic in topics)
            {
                if (!_byTopic.TryGetValue(topic, out var set))
                {
                    _byTopic[topic] = set = [];
                }

                set.Add(subscription);
            }
        }

        return subscription;
    }

    /// <summary>A committed change to <paramref name="topic"/>: from the listener, or from this instance's own save.</summary>
    public void Publish(string topic)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.Changed(topic);
        }

        LiveSubscription[] woken;
        lock (_gate)
        {
            if (!_byTopic.TryGetValue(topic, out var set) || set.Count == 0)
            {
                return;
            }

            woken = [.. set];
        }

        foreach (var subscription in woken)
        {
            subscription.Offer(topic);
        }
    }

    /// <summary>The listener is listening (again): whatever was kept may be stale.</summary>
    internal void Connected()
    {
        lock (_gate)
        {
            _listening = true;
        }

        ResetObservers();
    }

    /// <summary>The listener lost its connection: caches are dropped and every stream ends.</summary>
    internal void Disconnected()
    {
        lock (_gate)
        {
            _listening = false;
        }

        ResetObservers();
        CloseAll();
    }

    /// <summary>Ends every open stream (shutdown; a browser reconnects by itself).</summary>
    public void CloseAll()
    {
        LiveSubscription[] open;
        lock (_gate)
        {
            open = [.. _all];
        }

        foreach (var subscription in open)
        {
            subscription.Dispose();
        }
    }

    internal void Remove(LiveSubscription subscription)
    {
        lock (_gate)
        {
            _all.Remove(subscription);
            foreach (var topic in subscription.Topics)
            {
                if (_byTopic.TryGetValue(topic, out var set) && set.Remove(subscription) && set.Count == 0)
                {
                    _byTopic.Remove(topic);
                }
            }
        }
    }

    private void ResetObservers()
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            observer.Reset();
        }
    }
}

/// <summary>
/// One stream's view of the hub: the topics that changed since it last looked, coalesced, with <see cref="LiveHub.Resync"/>
/// among them when its buffer overflowed.
/// </summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly LiveHub _hub;
    private readonly Channel<string> _channel;
    private int _lagged;
    private int _disposed;

    internal LiveSubscription(LiveHub hub, IReadOnlyCollection<string> topics, int capacity)
    {
        _hub = hub;
        Topics = topics;
        _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once instead of dropping silently
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public IReadOnlyCollection<string> Topics { get; }

    /// <summary>
    /// Waits up to <paramref name="wait"/> for changes and returns their topics (empty when nothing changed in time);
    /// null when the subscription was closed (the listener lost its connection, or the site is stopping).
    /// </summary>
    public async ValueTask<IReadOnlySet<string>?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            if (!await _channel.Reader.WaitToReadAsync(timeout.Token))
            {
                return null;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HashSet<string>();
        }

        var topics = new HashSet<string>(StringComparer.Ordinal);
        while (_channel.Reader.TryRead(out var topic))
        {
            topics.Add(topic);
        }

        if (Interlocked.Exchange(ref _lagged, 0) == 1)
        {
            topics.Add(LiveHub.Resync);
        }

        return topics;
    }

    internal void Offer(string topic)
    {
        if (!_channel.Writer.TryWrite(topic))
        {
            // Full (a slow client) or closed: never wait. A full stream re-fetches once it reads again.
            Volatile.Write(ref _lagged, 1);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _channel.Writer.TryComplete();
            _hub.Remove(this);
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>Open streams per account on this instance, against <see cref="LiveOptions.StreamsPerUser"/>.</summary>
public sealed class LiveStreamCount(IOptions<LiveOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public bool TryEnter(string user)
    {
        var limit = options.Value.StreamsPerUser;
        while (true)
        {
            var count = _open.GetValueOrDefault(user);
            if (count >= limit)
            {
                return false;
            }

            if (count == 0 ? _open.TryAdd(user, 1) : _open.TryUpdate(user, count + 1, count))
            {
                return true;
            }
        }
    }

    public void Leave(string user)
    {
        while (true)
        {
            var count = _open.GetValueOrDefault(user);
            if (count <= 1)
            {
                if (count == 0 || ((ICollection<KeyValuePair<string, int>>)_open).Remove(new KeyValuePair<string, int>(user, 1)))
                {
                    return;
                }
            }
            else if (_open.TryUpdate(user, count - 1, count))
            {
                return;
            }
        }
    }
}

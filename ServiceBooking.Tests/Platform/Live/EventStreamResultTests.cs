using System.Buffers;
using System.Net.ServerSentEvents;
using System.Text;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Tests.Platform.Live;

/// <summary>
/// The live streams' events, written into the response's pipe by <see cref="EventStreamResult"/>, are byte for byte
/// what <see cref="SseFormatter"/> (behind <c>TypedResults.ServerSentEvents</c>) writes: browsers parse the same stream.
/// </summary>
public sealed class EventStreamResultTests
{
    public static TheoryData<string, string, string?, int?> Events => new()
    {
        { string.Empty, "ping", null, 2000 },
        { string.Empty, "resync", "42", null },
        { "<span>08:30, Волков: занято</span><template><td>…</td></template>", "cells", "43", null },
        { "one\ntwo\r\nthree\rfour", "cells", "44", null },
        { "ends with a line break\n", "cells", null, null },
        { "\r\n", "cells", "7", 1500 },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task An_event_is_framed_as_the_runtimes_formatter_frames_it(string data, string type, string? id, int? retryMs)
    {
        var item = new SseItem<string>(data, type)
        {
            EventId = id,
            ReconnectionInterval = retryMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        };
        var expected = new MemoryStream();
        await SseFormatter.WriteAsync(Once(item), expected);

        var written = new ArrayBufferWriter<byte>();
        EventStreamResult.Format(item, written);

        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(written.WrittenSpan));
    }

    private static async IAsyncEnumerable<SseItem<string>> Once(SseItem<string> item)
    {
        await Task.Yield();
        yield return item;
    }
}

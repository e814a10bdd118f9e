using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>
/// A stream of server-sent events written straight into the response's pipe: the same answer as
/// <c>TypedResults.ServerSentEvents</c> (its headers, and <see cref="SseFormatter"/>'s framing), without its buffers.
/// </summary>
/// <remarks>
/// <see cref="SseFormatter"/> formats each event in two pooled buffers that it rents for the whole stream and that grow to
/// its largest event: with hundreds of streams open for hours those were the largest thing each held, about 16 KB a
/// stream (bench/RESULTS.md, memory). Here an event is encoded into the pipe's own segments, which go back to the
/// server's pool as soon as it is flushed, so an idle stream holds no buffer.
/// </remarks>
public sealed class EventStreamResult(IAsyncEnumerable<SseItem<string>> events) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.ContentEncoding = "identity";
        httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();

        var pipe = response.BodyWriter;
        await foreach (var item in events.WithCancellation(httpContext.RequestAborted))
        {
            Format(item, pipe);
            // Each event at once: a page waits for it, and nothing may hold it back.
            var flushed = await pipe.FlushAsync(httpContext.RequestAborted);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                break;
            }
        }
    }

    /// <summary>One event as <see cref="SseFormatter"/> writes it: its type, each line of its data, its id and retry, a blank line.</summary>
    public static void Format(SseItem<string> item, IBufferWriter<byte> writer)
    {
        Line(writer, "event: "u8, item.EventType);
        var data = item.Data.AsSpan();
        while (true)
        {
            // Line breaks (\n, \r\n or \r) split the data into lines, each with its own prefix.
            var end = data.IndexOfAny('\r', '\n');
            Line(writer, "data: "u8, end < 0 ? data : data[..end]);
            if (end < 0)
            {
                break;
            }

            data = data[(data[end] == '\r' && end + 1 < data.Length && data[end + 1] == '\n' ? end + 2 : end + 1)..];
        }

        if (item.EventId is { } id)
        {
            Line(writer, "id: "u8, id);
        }

        if (item.ReconnectionInterval is { } retry)
        {
            Line(writer, "retry: "u8, ((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        writer.Write("\n"u8);
    }

    private static void Line(IBufferWriter<byte> writer, ReadOnlySpan<byte> field, ReadOnlySpan<char> value)
    {
        writer.Write(field);
        Encoding.UTF8.GetBytes(value, writer);
        writer.Write("\n"u8);
    }
}

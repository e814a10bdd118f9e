using System.Net;
using System.Net.ServerSentEvents;
using System.Threading.Channels;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>A server-sent-event stream read over HTTP as a browser's EventSource would: events in order, pings skipped.</summary>
public sealed class LiveStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseItem<string>> _events = Channel.CreateUnbounded<SseItem<string>>();
    private readonly HttpResponseMessage _response;
    private readonly Task _reading;

    private LiveStream(HttpResponseMessage response)
    {
        _response = response;
        _reading = response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? ReadAsync() : Task.CompletedTask;
    }

    public HttpStatusCode Status => _response.StatusCode;

    public HttpResponseMessage Response => _response;

    public static async Task<LiveStream> OpenAsync(HttpClient http, string url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return new LiveStream(await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));
    }

    /// <summary>The next event that is not a keep-alive, within <paramref name="timeout"/>; fails the test otherwise.</summary>
    public async Task<SseItem<string>> NextAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var item = await _events.Reader.ReadAsync(wait.Token);
                if (item.EventType != "ping")
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No event within {timeout}.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The stream ended.");
        }
    }

    /// <summary>Whether an event other than a keep-alive comes within <paramref name="wait"/>.</summary>
    public async Task<SseItem<string>?> MaybeNextAsync(TimeSpan wait)
    {
        try
        {
            return await NextAsync(wait);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
            {
                await _events.Writer.WriteAsync(item);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}

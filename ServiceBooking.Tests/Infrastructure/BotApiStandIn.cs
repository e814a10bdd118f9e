using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>
/// A local stand-in for Telegram's Bot API on 127.0.0.1: <c>POST /bot{token}/{method}</c> with a JSON or form body,
/// answered as the Bot API answers (<c>{"ok":true,"result":…}</c>, or <c>{"ok":false,"error_code":…}</c> with the HTTP
/// status of the error). It keeps every <c>sendMessage</c> it accepted; <see cref="Fail"/> scripts the next answers
/// (a 429 with <c>retry_after</c>, a 502 of an outage), and <see cref="Down"/> refuses every call, as Telegram
/// unreachable does.
/// </summary>
public sealed class BotApiStandIn : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_for-the-stand-in";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentQueue<Failure> _failures = new();
    private readonly List<JsonObject> _updates = [];
    private readonly SemaphoreSlim _updateArrived = new(0);
    private int _calls;
    private long _messageId;
    private int _pollers;
    private int _mostPollers;

    private BotApiStandIn(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = default!;

    /// <summary>Calls of <c>sendMessage</c>, answered or not.</summary>
    public int SendCalls => Volatile.Read(ref _calls);

    public IReadOnlyList<SentMessage> Sent => [.. _sent];

    /// <summary>The webhook Telegram was last told (<c>setWebhook</c>; null after <c>deleteWebhook</c>), with its secret.</summary>
    public (string Url, string? Secret)? Webhook { get; private set; }

    /// <summary>The most <c>getUpdates</c> calls that were waiting at once (Telegram refuses a second poller with 409).</summary>
    public int MostPollers => Volatile.Read(ref _mostPollers);

    /// <summary>Every call is answered 502 while set (Telegram unreachable behind a proxy).</summary>
    public bool Down { get; set; }

    public static async Task<BotApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new BotApiStandIn(app);
        app.MapPost("/bot{token}/{method}", standIn.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.Url = new Uri(address);
        return standIn;
    }

    /// <summary>The next <c>sendMessage</c> calls are answered with these failures, in order.</summary>
    public void Fail(params Failure[] failures)
    {
        foreach (var failure in failures)
        {
            _failures.Enqueue(failure);
        }
    }

    /// <summary>Queues an update for <c>getUpdates</c> (kept until a poll's offset confirms it, as Telegram does).</summary>
    public void Deliver(JsonObject update)
    {
        lock (_updates)
        {
            _updates.Add(update);
        }

        _updateArrived.Release();
    }

    public void Clear()
    {
        lock (_updates)
        {
            _updates.Clear();
        }

        Webhook = null;
        Interlocked.Exchange(ref _mostPollers, 0);
        _sent.Clear();
        _failures.Clear();
        Down = false;
        Interlocked.Exchange(ref _calls, 0);
    }

    /// <summary>Waits until <paramref name="count"/> messages were accepted.</summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_sent.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The Bot API stand-in got {_sent.Count} of {count} messages.");
            }

            await Task.Delay(50);
        }

        return Sent;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> AnswerAsync(string token, string method, HttpRequest request)
    {
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }

        var fields = await FieldsAsync(request);
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = 123456, ["is_bot"] = true, ["first_name"] = "ServiceBooking", ["username"] = "servicebooking_test_bot" });
            case "setWebhook":
                Webhook = (fields["url"]!, fields.GetValueOrDefault("secret_token"));
                return Ok(JsonValue.Create(true));
            case "deleteWebhook":
                Webhook = null;
                return Ok(JsonValue.Create(true));
            case "getUpdates":
                return await UpdatesAsync(fields, request.HttpContext.RequestAborted);
            case "sendMessage":
                Interlocked.Increment(ref _calls);
                if (Down)
                {
                    return Error(502, "Bad Gateway");
                }

                if (_failures.TryDequeue(out var failure))
                {
                    return failure.RetryAfter is { } after
                        ? Error(429, $"Too Many Requests: retry after {after}", new JsonObject { ["retry_after"] = after })
                        : Error(failure.Status, "Internal Server Error");
                }

                var chat = long.Parse(fields["chat_id"]!, System.Globalization.CultureInfo.InvariantCulture);
                var text = fields["text"] ?? string.Empty;
                var id = Interlocked.Increment(ref _messageId);
                _sent.Enqueue(new SentMessage(chat, text, fields.GetValueOrDefault("parse_mode"), Stopwatch.GetTimestamp()));
                return Ok(new JsonObject
                {
                    ["message_id"] = id, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" }, ["text"] = text,
                });
            default:
                return Error(404, "Not Found: method not found");
        }
    }

    /// <summary><c>getUpdates</c>: confirms those before the offset, then answers the rest, waiting up to its timeout for one.</summary>
    private async Task<IResult> UpdatesAsync(Dictionary<string, string?> fields, CancellationToken aborted)
    {
        var offset = long.TryParse(fields.GetValueOrDefault("offset"), out var o) ? o : 0;
        var timeout = TimeSpan.FromSeconds(int.TryParse(fields.GetValueOrDefault("timeout"), out var t) ? t : 0);
        var waiting = Interlocked.Increment(ref _pollers);
        InterlockedMax(ref _mostPollers, waiting);
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                JsonArray answer;
                lock (_updates)
                {
                    _updates.RemoveAll(u => (long)u["update_id"]! < offset);
                    answer = [.. _updates.Select(u => u.DeepClone())];
                }

                var left = deadline - DateTime.UtcNow;
                if (answer.Count > 0 || left <= TimeSpan.Zero)
                {
                    return Ok(answer);
                }

                await _updateArrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), aborted);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _pollers);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private static async Task<Dictionary<string, string?>> FieldsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        var body = string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        return body.ToDictionary(p => p.Key, p => p.Value is JsonValue value && value.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString());
    }

    private static IResult Ok(JsonNode result) =>
        Results.Text(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(int status, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return Results.Text(body.ToJsonString(new JsonSerializerOptions()), "application/json", statusCode: status);
    }
}

/// <summary>A message the stand-in accepted, with when (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed record SentMessage(long ChatId, string Text, string? ParseMode, long At);

/// <summary>A scripted answer: 429 with <see cref="RetryAfter"/> seconds, or another status.</summary>
public sealed record Failure(int Status, int? RetryAfter = null)
{
    public static Failure TooManyRequests(int retryAfter) => new(429, retryAfter);

    public static Failure Outage => new(502);
}

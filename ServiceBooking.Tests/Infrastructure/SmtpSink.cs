using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), so that MailKit holds a real
/// SMTP conversation in the tests. No .NET SMTP server package is served here. <see cref="Refuse"/> makes it answer
/// every new connection with 421, as a server that is down for maintenance does.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _acceptLoop;

    public SmtpSink()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool Refuse { get; set; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived and returns it.</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = _received.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"No matching email arrived; received: {string.Join("; ", _received.Select(m => $"{m.To} '{m.Message.Subject}'"))}");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public Task<ReceivedMail> WaitForAsync(string to, TimeSpan? timeout = null) =>
        WaitForAsync(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase), timeout);

    public void Clear() => _received.Clear();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8, false, 8192, leaveOpen: true);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 8192, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            if (Refuse)
            {
                await writer.WriteLineAsync("421 localhost Service not available, closing transmission channel");
                return;
            }

            await writer.WriteLineAsync("220 localhost test SMTP ready");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n");
                        break;
                    case "HELO":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var message = await ReadDataAsync(reader);
                        foreach (var recipient in recipients)
                        {
                            _received.Enqueue(new ReceivedMail(from ?? string.Empty, recipient, message));
                            _arrived.Release();
                        }

                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task<MimeMessage> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        using var buffer = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString()));
        return await MimeMessage.LoadAsync(buffer);
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : string.Empty;
    }
}

public sealed record ReceivedMail(string From, string To, MimeMessage Message)
{
    public string Html => Message.HtmlBody ?? string.Empty;

    public string Text => Message.TextBody ?? string.Empty;

    /// <summary>The first link in the HTML part whose address contains <paramref name="pathPart"/>.</summary>
    public string Link(string pathPart)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Html);
        return document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .FirstOrDefault(href => href.Contains(pathPart, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No link to {pathPart} in '{Message.Subject}'.");
    }
}

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Accounts.Components;
using ServiceBooking.Web.Platform.Email;

namespace ServiceBooking.Tests.Platform.Email;

/// <summary>MailKit holds a real SMTP conversation with a listener on 127.0.0.1.</summary>
public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private SmtpEmailSender Sender() => new(Options.Create(new EmailOptions
    {
        FromAddress = "service@example.ru",
        FromName = "Автосервис",
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = MailKit.Security.SecureSocketOptions.None, TimeoutSeconds = 5 },
    }));

    [Fact]
    public async Task A_message_arrives_with_both_parts_headers_and_attachment()
    {
        var message = new EmailMessage("ivan@example.ru", "Иван Петров", "Запись подтверждена", "<p>Ждём вас <b>завтра</b></p>", "Ждём вас завтра\n")
        {
            Headers = new Dictionary<string, string> { ["X-Booking"] = "42" },
            Attachments = [new EmailAttachment("visit.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())],
        };

        await Sender().SendAsync(message, CancellationToken.None);

        var mail = await _smtp.WaitForAsync("ivan@example.ru");
        Assert.Equal("service@example.ru", mail.From);
        Assert.Equal("Запись подтверждена", mail.Message.Subject);
        Assert.Equal("Автосервис", mail.Message.From.Mailboxes.Single().Name);
        Assert.Equal("Иван Петров", mail.Message.To.Mailboxes.Single().Name);
        Assert.Contains("<b>завтра</b>", mail.Html, StringComparison.Ordinal);
        Assert.Equal("Ждём вас завтра\n", mail.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal("42", mail.Message.Headers["X-Booking"]);
        Assert.Equal("visit.ics", mail.Message.Attachments.Single().ContentDisposition?.FileName);
    }

    [Fact]
    public async Task A_server_that_refuses_makes_the_send_fail_loudly()
    {
        _smtp.Refuse = true;

        await Assert.ThrowsAnyAsync<Exception>(() => Sender().SendAsync(
            new EmailMessage("ivan@example.ru", null, "S", "<p>x</p>", "x\n"), CancellationToken.None));
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task A_rendered_template_travels_with_its_text_part_in_the_recipients_language()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<ServiceBooking.Web.Platform.Email.EmailRenderer>();
        await using var provider = services.BuildServiceProvider();
        var renderer = provider.GetRequiredService<ServiceBooking.Web.Platform.Email.EmailRenderer>();

        var message = await renderer.RenderAsync<ConfirmAccountEmail>(
            new EmailRecipient("ivan@example.ru", "Иван", CultureInfo.GetCultureInfo("en-GB")),
            "Email.ConfirmAccount.Subject",
            new Dictionary<string, object?> { ["Name"] = "Ivan", ["Nickname"] = "ivan", ["Link"] = "https://s.example/c?x=1&y=2" });
        await Sender().SendAsync(message, CancellationToken.None);

        var mail = await _smtp.WaitForAsync("ivan@example.ru");
        Assert.Equal("Confirm your email for ServiceBooking", mail.Message.Subject);
        Assert.Contains("Confirm the address: https://s.example/c?x=1&y=2", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Hello, Ivan!", mail.Text, StringComparison.Ordinal);
    }
}

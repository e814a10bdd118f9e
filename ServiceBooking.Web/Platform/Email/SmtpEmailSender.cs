using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Platform.Email;

/// <summary>Sends through the configured SMTP server with MailKit; a batch shares one connection.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        ((IEmailSender)this).SendManyAsync([message], (_, error) => error is null ? Task.CompletedTask : Task.FromException(error), cancellationToken);

    public async Task SendManyAsync(IReadOnlyList<EmailMessage> messages, Func<int, Exception?, Task> reportAsync, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
        for (var i = 0; i < messages.Count; i++)
        {
            Exception? error = null;
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(client, settings.Smtp, cancellationToken);
                }

                await client.SendAsync(MimeMessageFactory.Create(messages[i], settings), cancellationToken);
            }
            catch (Exception failure) when (MailFailures.IsTransient(failure))
            {
                error = failure;
                // A broken conversation is not reused: the next message starts a new one.
                await client.DisconnectAsync(quit: false, CancellationToken.None).ConfigureAwait(false);
            }

            await reportAsync(i, error);
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
    }

    private static async Task ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }
    }
}

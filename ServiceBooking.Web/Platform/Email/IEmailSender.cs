namespace ServiceBooking.Web.Platform.Email;

/// <summary>Hands messages to the mail system (an SMTP server, or in Development a folder of .eml files).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends several messages (over one connection where the transport has them) and reports each one's fate as it
    /// happens: null for delivered, or the error. A failure of one message does not stop the others.
    /// </summary>
    async Task SendManyAsync(IReadOnlyList<EmailMessage> messages, Func<int, Exception?, Task> reportAsync, CancellationToken cancellationToken)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            Exception? error = null;
            try
            {
                await SendAsync(messages[i], cancellationToken);
            }
            catch (Exception failure) when (MailFailures.IsTransient(failure))
            {
                error = failure;
            }

            await reportAsync(i, error);
        }
    }
}

public static class MailFailures
{
    /// <summary>What a mail transport throws when the server or the network lets us down (as opposed to a bug of ours).</summary>
    public static bool IsTransient(Exception error) =>
        error is IOException or MailKit.ProtocolException or MailKit.CommandException or MailKit.Security.AuthenticationException
            or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException or MailKit.ServiceNotConnectedException
            or MailKit.ServiceNotAuthenticatedException or System.Security.Authentication.AuthenticationException;
}

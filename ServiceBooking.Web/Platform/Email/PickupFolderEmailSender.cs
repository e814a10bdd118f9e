using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Platform.Email;

/// <summary>
/// Development without an SMTP server: every message becomes an .eml file in <see cref="EmailOptions.PickupDirectory"/>,
/// listed at <c>/dev/mail</c>, so a confirmation link can be opened locally.
/// </summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock)
    : IEmailSender
{
    public string Directory => Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        var mime = MimeMessageFactory.Create(message, options.Value);
        await using var file = File.Create(Path.Combine(Directory, name));
        await mime.WriteToAsync(file, cancellationToken);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;
using ServiceBooking.Web.Platform.Email;

namespace ServiceBooking.Web.Platform.Pages.Dev;

/// <summary>
/// Development only: the mail the site "sent" into <c>.data/mail</c>, newest first, with each message's text and links,
/// so a developer can open a confirmation link without an SMTP server. Anywhere else this page does not exist (404).
/// </summary>
[AllowAnonymous]
public sealed partial class Mail(IHostEnvironment environment, IServiceProvider services) : PageModel
{
    public IReadOnlyList<MailSummary> Messages { get; private set; } = [];

    public MailDetail? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || services.GetService<PickupFolderEmailSender>() is not { } pickup)
        {
            return NotFound();
        }

        var folder = new DirectoryInfo(pickup.Directory);
        var files = folder.Exists ? folder.GetFiles("*.eml").OrderByDescending(f => f.Name).Take(100).ToList() : [];
        var summaries = new List<MailSummary>();
        foreach (var file in files)
        {
            var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            summaries.Add(new MailSummary(file.Name, message.Date, message.To.ToString(), message.Subject ?? string.Empty));
        }

        Messages = summaries;
        if (name is not null)
        {
            if (!FileName().IsMatch(name) || !files.Any(f => f.Name == name))
            {
                return NotFound();
            }

            var message = await MimeMessage.LoadAsync(Path.Combine(folder.FullName, name), cancellationToken);
            var text = message.TextBody ?? HtmlToText.Convert(message.HtmlBody ?? string.Empty);
            var links = Link().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ')')).Distinct().ToList();
            Selected = new MailDetail(name, message.Date, message.To.ToString(), message.Subject ?? string.Empty, text, links);
        }

        return Page();
    }

    public sealed record MailSummary(string Name, DateTimeOffset Date, string To, string Subject);

    public sealed record MailDetail(string Name, DateTimeOffset Date, string To, string Subject, string Text, IReadOnlyList<string> Links);

    [GeneratedRegex(@"^[0-9A-Za-z-]+\.eml$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}

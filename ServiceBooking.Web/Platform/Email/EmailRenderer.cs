using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace ServiceBooking.Web.Platform.Email;

/// <summary>Renders an email template (a Razor component) to HTML with the framework's <see cref="HtmlRenderer"/>,
/// in the recipient's culture, and derives the plain-text part from it.</summary>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory loggers, IStringLocalizer<SharedResource> text)
{
    /// <summary>Renders with the subject taken from the resources (<paramref name="subjectKey"/>), in the recipient's language.</summary>
    public Task<EmailMessage> RenderAsync<TTemplate>(EmailRecipient to, string subjectKey, IDictionary<string, object?> parameters)
        where TTemplate : IComponent =>
        RenderCoreAsync<TTemplate>(to, () => text[subjectKey], parameters);

    /// <summary>Renders with a subject someone wrote (a campaign's).</summary>
    public Task<EmailMessage> RenderWithSubjectAsync<TTemplate>(EmailRecipient to, string subject, IDictionary<string, object?> parameters)
        where TTemplate : IComponent =>
        RenderCoreAsync<TTemplate>(to, () => subject, parameters);

    private async Task<EmailMessage> RenderCoreAsync<TTemplate>(EmailRecipient to, Func<string> subject, IDictionary<string, object?> parameters)
        where TTemplate : IComponent
    {
        using (new Localization.CultureScope(to.Culture))
        {
            await using var renderer = new HtmlRenderer(services, loggers);
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<TTemplate>(ParameterView.FromDictionary(parameters));
                return output.ToHtmlString();
            });
            return new EmailMessage(to.Address, to.Name, subject(), html, HtmlToText.Convert(html));
        }
    }
}

public sealed record EmailRecipient(string Address, string? Name, CultureInfo Culture);

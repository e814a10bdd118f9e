using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;

namespace ServiceBooking.Web.Email;

/// <summary>Renders an email template (a Razor component) to HTML with the framework's <see cref="HtmlRenderer"/>,
/// in the recipient's culture, and derives the plain-text part from it.</summary>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory loggers, IStringLocalizer<SharedResource> text)
{
    public async Task<EmailMessage> RenderAsync<TTemplate>(
        EmailRecipient to, string subjectKey, IDictionary<string, object?> parameters)
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
            return new EmailMessage(to.Address, to.Name, text[subjectKey], html, HtmlToText.Convert(html));
        }
    }
}

public sealed record EmailRecipient(string Address, string? Name, CultureInfo Culture);

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Web.Modules.Accounts.Components;

namespace ServiceBooking.Tests.Accounts;

/// <summary>The account email templates as Razor components, rendered with bUnit in each language.</summary>
public sealed class AccountEmailTemplateTests : BunitContext
{
    private const string Link = "https://service.example/Account/ConfirmEmail?userId=42&code=abc";

    public AccountEmailTemplateTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    private IRenderedComponent<ConfirmAccountEmail> RenderConfirmation(string culture)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return Render<ConfirmAccountEmail>(p => p
                .Add(c => c.Name, "Иван Сергеевич")
                .Add(c => c.Nickname, "ivan")
                .Add(c => c.Link, Link));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [Fact]
    public void The_confirmation_greets_by_name_and_patronymic_and_links_to_the_confirmation()
    {
        var email = RenderConfirmation("ru-RU");

        Assert.Equal("Здравствуйте, Иван Сергеевич!", email.Find("p").TextContent);
        Assert.Equal(Link, email.Find("[data-testid=email-action]").GetAttribute("href"));
        Assert.Equal("Подтвердить адрес", email.Find("[data-testid=email-action]").TextContent);
        Assert.Contains("ником ivan", email.Markup, StringComparison.Ordinal);
        Assert.Equal("ru", email.Find("html").GetAttribute("lang"));
    }

    [Fact]
    public void The_confirmation_speaks_english_to_an_english_reader()
    {
        var email = RenderConfirmation("en-GB");

        Assert.Equal("Confirm the address", email.Find("[data-testid=email-action]").TextContent);
        Assert.Contains("nickname ivan", email.Markup, StringComparison.Ordinal);
        Assert.Equal("en", email.Find("html").GetAttribute("lang"));
    }

    [Fact]
    public void The_link_is_also_written_out_for_mail_clients_that_hide_buttons()
    {
        var email = RenderConfirmation("ru-RU");

        Assert.Equal(2, email.FindAll($"a[href='{Link}']").Count);
    }

    [Fact]
    public void The_reset_email_escapes_what_a_user_typed()
    {
        var email = Render<ResetPasswordEmail>(p => p
            .Add(c => c.Name, "<script>alert(1)</script>")
            .Add(c => c.Nickname, "ivan")
            .Add(c => c.Link, Link));

        Assert.DoesNotContain("<script>", email.Markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Markup, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Localization;
using System.Xml.Linq;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Platform;

public sealed partial class ResourceTests(SiteFixture fixture) : SiteTest<SiteFixture>(fixture)
{
    private static Dictionary<string, string> Load(string file)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        while (here is not null && !File.Exists(Path.Combine(here.FullName, "ServiceBooking.sln")))
        {
            here = here.Parent;
        }

        var path = Path.Combine(here!.FullName, "ServiceBooking.Web", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [Fact]
    public void Every_string_exists_in_russian_and_english()
    {
        var english = Load("SharedResource.resx");
        var russian = Load("SharedResource.ru.resx");

        Assert.Empty(english.Keys.Except(russian.Keys));
        Assert.Empty(russian.Keys.Except(english.Keys));
        Assert.All(russian, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Fact]
    public void Placeholders_match_between_the_languages()
    {
        var english = Load("SharedResource.resx");
        var russian = Load("SharedResource.ru.resx");

        foreach (var (key, value) in english)
        {
            var wanted = Placeholder().Matches(value).Select(m => m.Value).Order().ToList();
            var found = Placeholder().Matches(russian[key]).Select(m => m.Value).Order().ToList();
            Assert.True(wanted.SequenceEqual(found), $"{key}: {string.Join(",", wanted)} vs {string.Join(",", found)}");
        }
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("en-GB")]
    public async Task No_page_shows_a_resource_key_instead_of_text(string culture)
    {
        var client = HtmlClient.For(Fixture.Site);
        var home = await client.GetAsync("/");
        await client.SubmitAsync(home, "[data-testid=culture-switch]", submitName: "culture", submitValue: culture);

        foreach (var url in new[] { "/", "/Account/Register", "/Account/Login", "/Account/ForgotPassword", "/Account/ResendConfirmation",
                     "/Account/RegisterConfirmation?email=a@b.ru", "/Account/ConfirmEmail", "/Account/ResetPassword", "/Account/Logout", "/nowhere" })
        {
            var page = await client.GetAsync(url);
            var text = page.Document.Body!.TextContent + " " + string.Join(" ", page.Document.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")));
            // A key that is missing from the resources is shown as itself ("Login.Title"): nothing like it may appear.
            var leaked = KeyLike().Matches(text).Select(m => m.Value).ToList();
            Assert.True(leaked.Count == 0, $"{url} ({culture}) shows {string.Join(", ", leaked)}");
            Assert.Empty(KeyLike().Matches(page.Document.Title ?? string.Empty));
        }
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("en-GB")]
    public async Task No_signed_in_page_shows_a_resource_key_instead_of_text(string culture)
    {
        await SeedDemoCatalogAsync();
        var client = await SignedInAsync(new UserBuilder("boss").InRole(Web.Platform.Data.Roles.Admin).InRole(Web.Platform.Data.Roles.Manager));
        await client.SubmitAsync(await client.GetAsync("/"), "[data-testid=culture-switch]", submitName: "culture", submitValue: culture);
        var urls = new[]
        {
            "/Profile", "/Profile/Email", "/Profile/Password", "/Garage", "/Garage/Edit", "/Booking", "/Booking/My", "/Manager/Calendar",
            "/Admin", "/Admin/Oils", "/Admin/Oils/Edit", "/Admin/Engines", "/Admin/Engines/Edit", "/Admin/Models", "/Admin/Models/Edit",
            "/Admin/LabourRates", "/Admin/LabourRates/Edit", "/Admin/Parts", "/Admin/Parts/Edit", "/Admin/RepairTypes", "/Admin/RepairTypes/Edit",
            "/Admin/Advisors", "/Admin/Advisors/Edit", "/Admin/DaysOff", "/Admin/Users", "/Admin/Email",
            "/Manager/Campaigns", "/Manager/Campaigns/New",
            "/Orders", "/Orders/New", "/Staff", "/Staff/Edit", "/Blacklist",
        };

        foreach (var url in urls)
        {
            var page = await client.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            var text = page.Document.Body!.TextContent + " " + string.Join(" ", page.Document.QuerySelectorAll("[aria-label],[placeholder],[title]")
                .Select(e => $"{e.GetAttribute("aria-label")} {e.GetAttribute("placeholder")} {e.GetAttribute("title")}"));
            var leaked = KeyLike().Matches(text).Select(m => m.Value).ToList();
            Assert.True(leaked.Count == 0, $"{url} ({culture}) shows {string.Join(", ", leaked)}");
        }
    }

    [Fact]
    public async Task The_site_s_strings_are_read_in_each_reader_s_culture_however_often_the_cultures_alternate()
    {
        var read = await WithServicesAsync(services =>
        {
            var text = services.GetRequiredService<IStringLocalizer<Web.SharedResource>>();
            string In(string culture, decimal amount)
            {
                using var scope = new CultureScope(CultureInfo.GetCultureInfo(culture));
                return text["WorkOrders.FromBooking", amount.ToString("N2", CultureInfo.CurrentCulture), "10:30"].Value;
            }

            return Task.FromResult(new[] { In("ru-RU", 1250.5m), In("en-GB", 1250.5m), In("ru-RU", 7m), text["No.Such.Key"].Value });
        });

        Assert.Equal(["По записи на 1 250,50 в 10:30", "From the booking of 1,250.50 at 10:30", "По записи на 7,00 в 10:30", "No.Such.Key"],
            read.Select(s => s.Replace('\u00A0', ' ').Replace('\u202F', ' ')));
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]{2,}(\.[A-Za-z0-9]{2,})+\b")]
    private static partial Regex KeyLike();
}

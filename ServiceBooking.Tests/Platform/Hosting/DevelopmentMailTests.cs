using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Platform.Hosting;

/// <summary>Development without an SMTP server: mail goes to .eml files, listed at /dev/mail with their links.</summary>
public sealed class DevelopmentMailFixture : SiteFixture
{
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "sb-mail-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(SiteFactory site)
    {
        site.Environment = "Development";
        site.Settings["Email:Smtp:Host"] = string.Empty;
        site.Settings["Email:PickupDirectory"] = MailFolder;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}

public sealed class DevelopmentMailTests(DevelopmentMailFixture fixture) : SiteTest<DevelopmentMailFixture>(fixture)
{
    [Fact]
    public async Task A_confirmation_email_lands_in_the_mail_folder_and_its_link_confirms_the_account()
    {
        var client = HtmlClient.For(Fixture.Site);
        await client.SubmitAsync(await client.GetAsync("/Account/Register"), "[data-testid=register-form]", new Dictionary<string, string>
        {
            ["Input.Nickname"] = "dev.user",
            ["Input.Email"] = "dev.user@example.ru",
            ["Input.LastName"] = "Иванова",
            ["Input.FirstName"] = "Мария",
            ["Input.Password"] = "motor-oil-42",
            ["Input.ConfirmPassword"] = "motor-oil-42",
        });

        // The outbox's dispatcher writes the file within a second or two.
        for (var i = 0; i < 100 && (!Directory.Exists(Fixture.MailFolder) || Directory.GetFiles(Fixture.MailFolder, "*.eml").Length == 0); i++)
        {
            await Task.Delay(100);
        }

        Assert.Single(Directory.GetFiles(Fixture.MailFolder, "*.eml"));
        var list = await client.GetAsync("/dev/mail");
        var item = list.Document.QuerySelector("[data-testid=dev-mail-list] a")!;
        Assert.Contains("Подтвердите адрес эл. почты", item.TextContent, StringComparison.Ordinal);

        var message = await client.GetAsync(item.GetAttribute("href")!);
        var link = message.Document.QuerySelectorAll("[data-testid=dev-mail-link]")
            .Select(a => a.GetAttribute("href")!).Single(h => h.Contains("/Account/ConfirmEmail", StringComparison.Ordinal));
        var confirmed = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.True(confirmed.Has("email-confirmed"));
        Assert.Empty(Smtp.Received);
    }

    [Fact]
    public async Task A_file_name_outside_the_folder_is_a_404()
    {
        var page = await HtmlClient.For(Fixture.Site).GetAsync("/dev/mail/..%2F..%2Fappsettings.json");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.Status);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Platform.Email;
using ServiceBooking.Web.Modules.Campaigns;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Campaigns;

public sealed class CampaignTests(OutboxFixture fixture) : BookingTest<OutboxFixture>(fixture)
{
    private Task<HtmlClient> ManagerAsync() => SignedInAsync(new UserBuilder("marina").InRole(Roles.Manager));

    private Task<int?> EnqueueAsync() => Fixture.RunAsync<CampaignJob, int?>(job => job.EnqueueNextAsync(CancellationToken.None));

    private async Task DispatchAllAsync()
    {
        while (await Fixture.RunAsync<OutboxDispatcher, int>(d => d.DispatchBatchAsync(CancellationToken.None)) > 0)
        {
        }
    }

    /// <summary>Owners: ivan and olga (Vesta), anna (Rio); olga has opted out; petr owns a Vesta but never confirmed his email.</summary>
    private async Task<Dictionary<string, string>> PeopleAsync()
    {
        await CreateUserAsync(new UserBuilder("ivan").WithName("Петров", "Иван", "Сергеевич"));
        await CreateUserAsync(new UserBuilder("olga"));
        await CreateUserAsync(new UserBuilder("anna"));
        await CreateUserAsync(new UserBuilder("petr").Unconfirmed());
        await AddCarAsync("ivan", "Lada Vesta", "XTAGFL110KY000001", "Х001КХ197");
        await AddCarAsync("olga", "Lada Vesta", "XTAGFL110KY000002", "Х002КХ197");
        await AddCarAsync("anna", "Kia Rio (IV)", "Z94C241BBJR000003", "В003ОР77");
        await AddCarAsync("petr", "Lada Vesta", "XTAGFL110KY000004", "Х004КХ197");
        await DbAsync(db => db.Users.Where(u => u.UserName == "olga").ExecuteUpdateAsync(set => set.SetProperty(u => u.PromoOptOut, true)));
        return await DbAsync(db => db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id));
    }

    private async Task<HtmlPage> CreateCampaignAsync(HtmlClient manager, AudienceKind audience, IEnumerable<int>? models = null, IEnumerable<string>? clients = null,
        string subject = "Скидка 20 % на ТО", string body = "Только в декабре **скидка 20 %** на ТО.\n\n- замена масла\n- диагностика")
    {
        var form = await manager.GetAsync("/Manager/Campaigns/New");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Subject", subject), new("Input.Body", body), new("Input.Audience", audience.ToString()),
            new("__RequestVerificationToken", form.Document.QuerySelector("[data-testid=campaign-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        fields.AddRange((models ?? []).Select(m => new KeyValuePair<string, string>("Input.ModelIds", m.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        fields.AddRange((clients ?? []).Select(c => new KeyValuePair<string, string>("Input.ClientIds", c)));
        using var content = new FormUrlEncodedContent(fields);
        using var response = await manager.Http.PostAsync("/Manager/Campaigns/New", content);
        return await HtmlPage.ReadAsync(response);
    }

    private Task<int> ModelIdAsync(string name) => DbAsync(db => db.CarModels.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task A_campaign_to_one_models_owners_reaches_exactly_those_who_want_promo_mail()
    {
        var people = await PeopleAsync();
        var manager = await ManagerAsync();

        var details = await CreateCampaignAsync(manager, AudienceKind.ModelOwners, [await ModelIdAsync("Lada Vesta")]);
        Assert.Equal("queued", details.Document.QuerySelector("[data-testid=campaign-status]")!.GetAttribute("data-status"));
        await EnqueueAsync();
        await DispatchAllAsync();

        var received = Smtp.Received.Where(m => m.Message.Subject == "Скидка 20 % на ТО").ToList();
        var mail = Assert.Single(received);
        Assert.Equal("ivan@example.ru", mail.To);
        Assert.Contains("<strong>скидка 20 %</strong>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<li>замена масла</li>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Здравствуйте, Иван Сергеевич!", mail.Text, StringComparison.Ordinal);
        var unsubscribe = mail.Link("/Unsubscribe");
        Assert.StartsWith("https://service.example/Unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal($"<{unsubscribe}>", mail.Message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Message.Headers["List-Unsubscribe-Post"]);
        var progress = await manager.GetAsync(details.Url.PathAndQuery);
        Assert.Equal(("1", "1", "true"), (progress.TestId("progress-recipients"), progress.TestId("progress-sent"),
            progress.Document.QuerySelector("[data-testid=campaign-progress]")!.GetAttribute("data-finished")));
        Assert.NotNull(people["ivan"]);
    }

    [Fact]
    public async Task The_recipient_count_follows_the_audience()
    {
        var people = await PeopleAsync();
        var manager = await ManagerAsync();
        var vesta = await ModelIdAsync("Lada Vesta");
        var rio = await ModelIdAsync("Kia Rio (IV)");

        async Task<string?> CountAsync(string query) =>
            (await manager.HtmxAsync($"/Manager/Campaigns/New?handler=Count&{query}")).Document.QuerySelector("[data-testid=recipient-count]")?.GetAttribute("data-count");

        // Everyone confirmed and not opted out, managers included (they are clients too): ivan, anna, marina.
        Assert.Equal("3", await CountAsync("Input.Audience=AllClients"));
        Assert.Equal("1", await CountAsync($"Input.Audience=ModelOwners&Input.ModelIds={vesta}"));
        Assert.Equal("2", await CountAsync($"Input.Audience=ModelOwners&Input.ModelIds={vesta}&Input.ModelIds={rio}"));
        Assert.Equal("1", await CountAsync($"Input.Audience=ChosenClients&Input.ClientIds={people["anna"]}&Input.ClientIds={people["olga"]}"));
    }

    [Fact]
    public async Task Bad_campaign_input_is_shown_at_its_field()
    {
        var manager = await ManagerAsync();

        var noModels = await CreateCampaignAsync(manager, AudienceKind.ModelOwners);
        var noSubject = await CreateCampaignAsync(manager, AudienceKind.AllClients, subject: "  ");

        Assert.Equal("Выберите хотя бы одну модель.", noModels.FieldError("ModelIds"));
        Assert.Equal("Заполните поле «Тема».", noSubject.FieldError("Subject"));
        Assert.Equal(0, await DbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task A_campaign_is_the_managers_entry_when_written_and_the_campaign_jobs_when_queued()
    {
        var people = await PeopleAsync();
        var manager = await ManagerAsync();
        await CreateCampaignAsync(manager, AudienceKind.ChosenClients, clients: [people["ivan"], people["anna"]]);
        var campaign = await DbAsync(db => db.Campaigns.SingleAsync());
        Fixture.Clock.Advance(TimeSpan.FromSeconds(5));

        // As the scheduler runs it.
        await Fixture.RunAsync<CampaignJob, bool>(async job =>
        {
            await job.Invoke();
            return true;
        });

        var entries = await TrailAsync("Campaign", campaign.Id);
        var marina = await DbAsync(db => db.Users.Where(u => u.UserName == "marina").Select(u => u.Id).SingleAsync());
        Assert.Equal(
            [(AuditAction.Added, AuditActorKind.User, "marina", marina), (AuditAction.Changed, AuditActorKind.Job, CampaignJob.Name, null)],
            entries.Select(e => (e.Action, e.ActorKind, e.ActorName, e.ActorId)));
        var written = entries[0].ReadChanges();
        Assert.Equal(("Скидка 20 % на ТО", "ChosenClients", "Queued"), (written["Subject"].AfterText, written["Audience"].AfterText, written["Status"].AfterText));
        // The chosen clients are a set: stored in no particular order (their ids are GUIDs).
        Assert.Equal(new[] { people["ivan"], people["anna"] }.Order(StringComparer.Ordinal),
            written["ClientIds"].After!.Value.EnumerateArray().Select(id => id.GetString()!).Order(StringComparer.Ordinal));
        var queued = entries[1].ReadChanges();
        Assert.Equal(["EnqueuedAt", "Recipients", "Status"], queued.Keys.Order());
        Assert.Equal(("Queued", "Enqueued", "0", "2"), (queued["Status"].BeforeText, queued["Status"].AfterText, queued["Recipients"].BeforeText, queued["Recipients"].AfterText));
        Assert.Equal((BookingFixture.DefaultNow.AddSeconds(5), (string?)null), (entries[1].At, entries[1].RequestId));
    }

    [Fact]
    public async Task Running_the_campaign_job_twice_or_on_two_hosts_queues_each_email_once()
    {
        await PeopleAsync();
        var manager = await ManagerAsync();
        await CreateCampaignAsync(manager, AudienceKind.AllClients);

        var runs = await Task.WhenAll(EnqueueAsync(), EnqueueAsync());
        await EnqueueAsync();

        Assert.Single(runs, r => r is not null);
        Assert.Equal(3, await DbAsync(db => db.Outbox.CountAsync(m => m.Kind == NoticeKind.Campaign)));
        var campaign = await DbAsync(db => db.Campaigns.SingleAsync());
        Assert.Equal((CampaignStatus.Enqueued, 3), (campaign.Status, campaign.Recipients));
    }

    [Fact]
    public async Task A_client_unsubscribes_by_the_link_without_signing_in_and_a_tampered_link_is_refused()
    {
        var people = await PeopleAsync();
        var token = await WithServicesAsync(services => Task.FromResult(services.GetRequiredService<UnsubscribeTokens>().For(people["ivan"])));
        var stranger = HtmlClient.For(Fixture.Site);

        var tampered = await stranger.GetAsync($"/Unsubscribe?token={token[..^3]}abc");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.Status);
        Assert.True(tampered.Has("unsubscribe-invalid"));

        var page = await stranger.GetAsync($"/Unsubscribe?token={Uri.EscapeDataString(token)}");
        // Whoever holds the link sees whose address it is, not the whole of it.
        Assert.Contains("i***n@example.ru", page.TestId("unsubscribe"), StringComparison.Ordinal);
        Assert.DoesNotContain("ivan@example.ru", page.TestId("unsubscribe"), StringComparison.Ordinal);
        Assert.False(await DbAsync(db => db.Users.Where(u => u.UserName == "ivan").Select(u => u.PromoOptOut).SingleAsync()));
        var done = await stranger.SubmitAsync(page, "[data-testid=unsubscribe] form");

        Assert.True(done.Has("unsubscribe-done"));
        Assert.True(await DbAsync(db => db.Users.Where(u => u.UserName == "ivan").Select(u => u.PromoOptOut).SingleAsync()));
    }

    [Fact]
    public async Task A_mail_clients_one_click_post_unsubscribes()
    {
        var people = await PeopleAsync();
        var token = await WithServicesAsync(services => Task.FromResult(services.GetRequiredService<UnsubscribeTokens>().For(people["anna"])));
        using var client = Fixture.Site.CreateClient();
        using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);

        using var response = await client.PostAsync($"/Unsubscribe?token={Uri.EscapeDataString(token)}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await DbAsync(db => db.Users.Where(u => u.UserName == "anna").Select(u => u.PromoOptOut).SingleAsync()));
    }

    [Fact]
    public async Task Someone_who_opts_out_after_the_campaign_was_queued_gets_no_promo_but_still_gets_service_mail()
    {
        await PeopleAsync();
        var manager = await ManagerAsync();
        await CreateCampaignAsync(manager, AudienceKind.ChosenClients, clients: [await DbAsync(db => db.Users.Where(u => u.UserName == "anna").Select(u => u.Id).SingleAsync())]);
        await EnqueueAsync();
        await DbAsync(db => db.Users.Where(u => u.UserName == "anna").ExecuteUpdateAsync(set => set.SetProperty(u => u.PromoOptOut, true)));
        var anna = await SignInAsync(new UserBuilder("anna"));
        var carId = await DbAsync(db => db.Cars.Where(c => c.Plate == PlateNumber.Parse("В003ОР77")).Select(c => c.Id).SingleAsync());
        await BookAsync(anna, BookForm(Today, "12:00", await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("Диагностика", null)));

        await DispatchAllAsync();

        Assert.Equal(["Вы записаны в сервис"], Smtp.Received.Where(m => m.To == "anna@example.ru").Select(m => m.Message.Subject));
        Assert.Equal(OutboxStatus.Dropped, await DbAsync(db => db.Outbox.Where(m => m.Kind == NoticeKind.Campaign).Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_profile_shows_and_changes_the_promo_choice()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var profile = await client.GetAsync("/Profile");
        Assert.NotNull(profile.Document.QuerySelector("[data-testid=WantsPromo][checked]"));

        var saved = await client.SubmitAsync(profile, "[data-testid=profile-form]", new Dictionary<string, string> { ["Input.WantsPromo"] = "false" });

        Assert.Null(saved.Document.QuerySelector("[data-testid=WantsPromo][checked]"));
        Assert.True(await DbAsync(db => db.Users.Where(u => u.UserName == "ivan").Select(u => u.PromoOptOut).SingleAsync()));
    }

    [Fact]
    public async Task Clients_are_forbidden_the_campaign_pages()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Manager/Campaigns")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Manager/Campaigns/New")).Status);
    }
}

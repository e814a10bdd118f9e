using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Tests.Bookings;

/// <summary>Two instances of the site on one database, as behind a load balancer.</summary>
public sealed class TwoSitesFixture : BookingFixture
{
    public SiteFactory Second { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Second = new SiteFactory(ConnectionString, Smtp);
        Configure(Second);
        Second.Settings["Jobs:Outbox"] = "false"; // one instance delivers the mail
        _ = Second.Server;
    }

    public override async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// The live grids over HTTP: a change made through one instance reaches a stream served by another within a second,
/// each viewer sees only what their page shows, and a grid that did not change answers 304 with no body.
/// </summary>
public sealed class LiveGridTests(TwoSitesFixture fixture) : BookingTest<TwoSitesFixture>(fixture)
{
    // How fast a change arrives (within a second at p99, across 500 streams) is the benchmark's to measure
    // (bench/run.sh, "Live"); here a change must arrive at all, and Soon only keeps a broken stream from hanging a test.
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Fixture.Second.Services.GetRequiredService<CalendarFacts>().Changed();
        Fixture.Second.Services.GetRequiredService<DayGridCache>().Clear();
        foreach (var site in new[] { Fixture.Site, Fixture.Second })
        {
            var hub = site.Services.GetRequiredService<LiveHub>();
            for (var i = 0; !hub.IsListening && i < 250; i++)
            {
                await Task.Delay(20);
            }
        }
    }

    private Task<HtmlClient> ManagerAsync() =>
        SignedInAsync(new UserBuilder("anna").InRole(Roles.Manager).WithName("Смирнова", "Анна", "Павловна"));

    /// <summary>A client on the second instance with a car; returns it and the car.</summary>
    private async Task<(HtmlClient Client, int CarId)> ClientOnSecondAsync(string nickname, int number, string lastName = "Петров")
    {
        var user = new UserBuilder(nickname).WithName(lastName, "Иван").WithPhone($"+7900123456{number}");
        await CreateUserAsync(user);
        var carId = await AddCarAsync(nickname, "Kia Rio (IV)", $"Z94C241BBJR{number:D6}", $"В{number:D3}ОР77");
        var client = HtmlClient.For(Fixture.Second);
        var page = await client.SubmitAsync(await client.GetAsync("/Account/Login"), "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = user.Nickname, ["Input.Password"] = user.Password });
        Assert.True(page.Has("nav-profile"));
        return (client, carId);
    }

    private async Task<HtmlPage> BookOnSecondAsync(HtmlClient client, int carId, string time, int advisor) =>
        await BookAsync(client, BookForm(Today, time, advisor, carId, await RepairTypeIdAsync("Диагностика", null)));

    [Fact]
    public async Task A_booking_made_through_another_instance_reaches_the_desks_stream_on_this_one()
    {
        var manager = await ManagerAsync();
        var (client, carId) = await ClientOnSecondAsync("ivan", 1);
        var advisor = await AdvisorIdAsync("Волков");
        await using var stream = await LiveStream.OpenAsync(manager.Http, $"/Manager/Calendar/live?date={Iso(Today)}");
        Assert.Equal(HttpStatusCode.OK, stream.Status);
        Assert.Null(await stream.MaybeNextAsync(TimeSpan.FromMilliseconds(200)));

        Assert.True((await BookOnSecondAsync(client, carId, "12:00", advisor)).Has("booking-done"));
        var message = await stream.NextAsync(Soon);

        Assert.Equal("cells", message.EventType);
        var cells = Fragment(message.Data);
        var cell = Assert.Single(cells.QuerySelectorAll("td[hx-swap-oob]"));
        Assert.Equal($"outerHTML:[data-testid=slot-grid][data-date='{Iso(Today)}'] td[data-time='12:00'][data-advisor='{advisor}']", cell.GetAttribute("hx-swap-oob"));
        Assert.Equal("busy", cell.GetAttribute("data-state"));
        Assert.Contains("Петров Иван", cell.TextContent, StringComparison.Ordinal);
        Assert.Equal("Расписание изменилось: 12:00, Волков Д. С.: занято.", cells.QuerySelector("span")!.TextContent);
        Assert.Equal(await ScalarAsync("select max(version) from live_versions"), long.Parse(message.EventId!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_clients_stream_shows_others_bookings_as_busy_without_details_and_their_own_as_theirs()
    {
        var (olga, olgasCar) = await ClientWithRioAsync("olga", 7);
        var (ivan, ivanCar) = await ClientOnSecondAsync("ivan", 1, "Сидоров");
        var olgaOnSecond = HtmlClient.For(Fixture.Second);
        await olgaOnSecond.SubmitAsync(await olgaOnSecond.GetAsync("/Account/Login"), "[data-testid=login-form]",
            new Dictionary<string, string> { ["Input.Login"] = "olga", ["Input.Password"] = UserBuilder.DefaultPassword });
        var advisor = await AdvisorIdAsync("Волков");
        await using var stream = await LiveStream.OpenAsync(olga.Http, $"/Booking/live?date={Iso(Today)}");

        await BookOnSecondAsync(ivan, ivanCar, "12:00", advisor);
        var others = await stream.NextAsync(Soon);
        await BookAsync(olgaOnSecond, BookForm(Today, "15:00", advisor, olgasCar, await RepairTypeIdAsync("Диагностика", null)));
        var own = await stream.NextAsync(Soon);

        var busy = Assert.Single(Fragment(others.Data).QuerySelectorAll("td[hx-swap-oob]"));
        Assert.Equal(("12:00", "busy"), (busy.GetAttribute("data-time"), busy.GetAttribute("data-state")));
        Assert.DoesNotContain("Сидоров", others.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("900", others.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("ОР", others.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Booking", others.Data, StringComparison.Ordinal);
        var mine = Assert.Single(Fragment(own.Data).QuerySelectorAll("td[hx-swap-oob]"));
        Assert.Equal(("15:00", "own"), (mine.GetAttribute("data-time"), mine.GetAttribute("data-state")));
        Assert.Contains("ваша запись", own.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streams_are_authorized_like_their_pages()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));
        var manager = await ManagerAsync();
        var stranger = HtmlClient.For(Fixture.Site, followRedirects: false);

        await using var strangers = await LiveStream.OpenAsync(stranger.Http, $"/Booking/live?date={Iso(Today)}");
        await using var clientsDesk = await LiveStream.OpenAsync(client.Http, $"/Manager/Calendar/live?date={Iso(Today)}");
        await using var clients = await LiveStream.OpenAsync(client.Http, $"/Booking/live?date={Iso(Today)}");
        await using var managers = await LiveStream.OpenAsync(manager.Http, $"/Manager/Calendar/live?date={Iso(Today)}");

        Assert.Equal(HttpStatusCode.Redirect, strangers.Status);
        Assert.Contains("/Account/Login", strangers.Response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, clientsDesk.Status);
        Assert.Equal(("text/event-stream", HttpStatusCode.OK), (clients.Response.Content.Headers.ContentType?.MediaType, clients.Status));
        Assert.Equal(("text/event-stream", HttpStatusCode.OK), (managers.Response.Content.Headers.ContentType?.MediaType, managers.Status));
    }

    [Fact]
    public async Task A_stream_opened_for_an_older_grid_than_the_days_tells_the_page_to_fetch_it_again()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var grid = await client.GetAsync("/Booking");
        var connect = grid.Document.QuerySelector("[data-testid=booking-day]")!.GetAttribute("sse-connect")!;
        await BookAsync(client, BookForm(Today, "12:00", await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("Диагностика", null)));

        await using var behind = await LiveStream.OpenAsync(client.Http, connect);
        await using var current = await LiveStream.OpenAsync(client.Http, connect, lastEventId: (await ScalarAsync("select max(version) from live_versions")).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("resync", (await behind.NextAsync(Soon)).EventType);
        Assert.Null(await current.MaybeNextAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Theory]
    [InlineData("/Manager/Calendar", true)]
    [InlineData("/Booking", false)]
    public async Task An_unchanged_day_answers_304_with_no_body_and_a_booking_elsewhere_gives_the_new_grid_and_etag(string page, bool desk)
    {
        var viewer = desk ? await ManagerAsync() : (await ClientWithRioAsync("olga", 7)).Client;
        var (ivan, carId) = await ClientOnSecondAsync("ivan", 1);
        var url = $"{page}?handler=Day&date={Iso(Today)}&refresh=true";

        var first = await ConditionalAsync(viewer, url, null);
        var again = await ConditionalAsync(viewer, url, first.ETag);
        await BookOnSecondAsync(ivan, carId, "12:00", await AdvisorIdAsync("Волков"));
        var watch = Stopwatch.StartNew();
        var changed = await ConditionalAsync(viewer, url, first.ETag);
        while (changed.Status == HttpStatusCode.NotModified && watch.Elapsed < Soon)
        {
            await Task.Delay(20);
            changed = await ConditionalAsync(viewer, url, first.ETag);
        }

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("private", first.CacheControl, StringComparison.Ordinal);
        Assert.Contains("no-cache", first.CacheControl, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotModified, 0, first.ETag), (again.Status, again.Body.Length, again.ETag));
        Assert.True(again.Bytes < 1024, $"an unchanged refresh is {again.Bytes} bytes");
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(first.ETag, changed.ETag);
        Assert.Contains("data-state=\"busy\"", changed.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await ConditionalAsync(viewer, url, changed.ETag)).Status);
    }

    private sealed record Answer(HttpStatusCode Status, string? ETag, string CacheControl, string Body, int Bytes);

    private static async Task<Answer> ConditionalAsync(HtmlClient client, string url, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        using var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        // What goes over the wire, near enough: the status line, the headers and the body.
        var bytes = 17 + response.Headers.Concat(response.Content.Headers)
            .Sum(h => h.Key.Length + 4 + string.Join(", ", h.Value).Length) + System.Text.Encoding.UTF8.GetByteCount(body);
        return new Answer(response.StatusCode, response.Headers.ETag?.ToString(), response.Headers.CacheControl?.ToString() ?? string.Empty, body, bytes);
    }

    private Task<long> ScalarAsync(string sql) => DbAsync(async db =>
    {
        var connection = (Npgsql.NpgsqlConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    });

    /// <summary>A cells message: the sentence, then the cells in a template (read here as a table row).</summary>
    private static AngleSharp.Dom.IDocument Fragment(string html)
    {
        Assert.Matches("^<span>[^<]*</span><template><td .*</td></template>$", html.ReplaceLineEndings(" "));
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            $"<table><tbody><tr>{html.Replace("<template>", string.Empty, StringComparison.Ordinal).Replace("</template>", string.Empty, StringComparison.Ordinal)}</tr></tbody></table>");
    }
}

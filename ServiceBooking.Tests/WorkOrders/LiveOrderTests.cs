using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Live;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>
/// The work orders' live streams over HTTP: an order's stream says "changed" when its stages move and stays quiet for
/// other orders; the list's stream on any order; the order page's live parts, without its forms; who may open them.
/// </summary>
public sealed class LiveOrderTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    // Only keeps a broken stream from hanging a test: a change must arrive at all.
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    private static readonly UserBuilder SupervisorUser = new UserBuilder("sveta").InRole(Roles.Supervisor).WithName("Светлова", "Светлана");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var hub = Fixture.Site.Services.GetRequiredService<LiveHub>();
        for (var i = 0; !hub.IsListening && i < 250; i++)
        {
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task An_orders_stream_says_changed_when_its_stage_is_submitted_and_approved_and_not_for_another_order()
    {
        var supervisor = Supervisor((await CreateUserAsync(SupervisorUser)).Id);
        var sveta = await SignInAsync(SupervisorUser);
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic, "Михайлов"));
        var kolya = Mechanic(await StaffAsync("kolya", Roles.Mechanic, "Колин"));
        var order = await AssignedOrderAsync(supervisor, misha.Id);
        var other = await AssignedOrderAsync(supervisor, kolya.Id);
        await using var stream = await LiveStream.OpenAsync(sveta.Http, $"/Orders/{order}/live");
        Assert.Equal(HttpStatusCode.OK, stream.Status);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        // The database's notification of the order's own assignment (committed just before) may reach the stream after
        // it opened: let it pass before asking whether another order's change is told to it.
        await Drain(stream);

        Done(await StageAsync(s => s.SubmitAgreementAsync(other, Agreed(5000m, ("Замена колодок", 5000m)), kolya, default)));
        Assert.Null(await stream.MaybeNextAsync(TimeSpan.FromMilliseconds(500)));

        Done(await StageAsync(s => s.SubmitAgreementAsync(order, Agreed(9000m, ("Замена стоек", 9000m)), misha, default)));
        Assert.Equal("changed", (await stream.NextAsync(Soon)).EventType);
        await Drain(stream);

        Done(await StageAsync(s => s.ApproveAsync(order, supervisor, default)));
        Assert.Equal("changed", (await stream.NextAsync(Soon)).EventType);
    }

    [Fact]
    public async Task The_lists_stream_says_changed_when_any_order_is_opened_or_changed()
    {
        var supervisor = Supervisor((await CreateUserAsync(SupervisorUser)).Id);
        var sveta = await SignInAsync(SupervisorUser);
        var misha = await StaffAsync("misha", Roles.Mechanic, "Михайлов");
        await using var stream = await LiveStream.OpenAsync(sveta.Http, "/Orders/live");
        Assert.Equal(HttpStatusCode.OK, stream.Status);

        var order = await OpenForCallerAsync(supervisor.Id);
        Assert.Equal("changed", (await stream.NextAsync(Soon)).EventType);
        await Drain(stream);

        await CheckInAsync(misha);
        Assert.Null(await stream.MaybeNextAsync(TimeSpan.FromMilliseconds(300))); // a shift is no order
        await AssignAsync(order, misha, supervisor);
        Assert.Equal("changed", (await stream.NextAsync(Soon)).EventType);
    }

    [Fact]
    public async Task The_live_parts_show_a_new_submission_and_offer_a_reload_only_when_the_readers_forms_changed()
    {
        var supervisor = Supervisor((await CreateUserAsync(SupervisorUser)).Id);
        var sveta = await SignInAsync(SupervisorUser);
        var misha = Mechanic(await StaffAsync("misha", Roles.Mechanic, "Михайлов"));
        var order = await AssignedOrderAsync(supervisor, misha.Id);
        var page = await sveta.GetAsync($"/Orders/{order}");
        var live = page.Document.QuerySelector("[data-testid=order-live]")!;
        Assert.Equal($"/Orders/{order}/live", live.GetAttribute("sse-connect"));
        var liveUrl = System.Net.WebUtility.HtmlDecode(live.GetAttribute("hx-get")!);

        var unchanged = await sveta.GetAsync(liveUrl);
        Assert.Equal(HttpStatusCode.OK, unchanged.Status);
        Assert.False(unchanged.Has("order-changed"));
        Assert.True(unchanged.Has("stages-empty"));

        Done(await StageAsync(s => s.SubmitAgreementAsync(order, Agreed(9000m, ("Замена стоек", 9000m)), misha, default)));
        var changed = await sveta.GetAsync(liveUrl);

        Assert.False(changed.Has("stages-empty"));
        Assert.Contains("Замена стоек", changed.Document.QuerySelector("[hx-swap-oob='innerHTML:#order-submissions']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("InProgress", changed.Document.QuerySelector("[hx-swap-oob='innerHTML:#order-status-badge'] [data-testid=order-status]")!.GetAttribute("data-status"));
        Assert.NotNull(changed.Document.QuerySelector("[hx-swap-oob='innerHTML:#order-history-live'] [data-testid=history-step]"));
        Assert.Contains("В работе", changed.Document.QuerySelector("[hx-swap-oob='innerHTML:#order-live-note']")!.TextContent, StringComparison.Ordinal);
        // The supervisor now decides: the page offers to reload, and sends no form of its own.
        Assert.True(changed.Has("order-changed"));
        Assert.Equal($"/Orders/{order}", changed.Document.QuerySelector("[data-testid=order-reload]")!.GetAttribute("href"));
        Assert.Empty(changed.Document.QuerySelectorAll("form"));
    }

    [Fact]
    public async Task An_orders_stream_is_authorized_like_its_page()
    {
        var supervisor = Supervisor(await StaffAsync("sveta", Roles.Supervisor));
        var mishaUser = new UserBuilder("misha").InRole(Roles.Mechanic);
        var misha = await CreateUserAsync(mishaUser);
        var order = await AssignedOrderAsync(supervisor, misha.Id);
        var mechanic = await SignInAsync(mishaUser);
        var other = await SignedInAsync(new UserBuilder("kolya").InRole(Roles.Mechanic));
        var client = await SignedInAsync(new UserBuilder("ivan"));

        await using (var own = await LiveStream.OpenAsync(mechanic.Http, $"/Orders/{order}/live"))
        {
            Assert.Equal(HttpStatusCode.OK, own.Status);
        }

        await using (var mine = await LiveStream.OpenAsync(other.Http, "/Orders/live"))
        {
            Assert.Equal(HttpStatusCode.OK, mine.Status); // a mechanic's list is their own orders
        }

        foreach (var (who, url, status) in new[]
        {
            (other, $"/Orders/{order}/live", HttpStatusCode.NotFound),
            (mechanic, "/Orders/999999/live", HttpStatusCode.NotFound),
            (other, $"/Orders/{order}?handler=Live", HttpStatusCode.NotFound),
            (client, $"/Orders/{order}/live", HttpStatusCode.Forbidden),
            (client, "/Orders/live", HttpStatusCode.Forbidden),
        })
        {
            await using var stream = await LiveStream.OpenAsync(who.Http, url);
            Assert.True(stream.Status == status, $"{url}: {stream.Status}");
        }
    }

    /// <summary>Both this instance's own save and the database's notification wake a stream: take what came of one change.</summary>
    private static async Task Drain(LiveStream stream)
    {
        while (await stream.MaybeNextAsync(TimeSpan.FromMilliseconds(300)) is not null)
        {
        }
    }
}

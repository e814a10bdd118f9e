using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Platform.Hosting;

/// <summary>Who may reach an endpoint; the test works out what each kind of visitor must get.</summary>
public enum Access
{
    /// <summary>Everyone, signed in or not.</summary>
    Anyone,

    /// <summary>Any signed-in account; a stranger is sent to sign in.</summary>
    SignedIn,

    /// <summary>The client the sample data belongs to; any other account gets 404, a stranger is sent to sign in.</summary>
    Owner,

    /// <summary>Manager or Admin; other accounts get 403.</summary>
    Staff,

    /// <summary>Admin only; other accounts get 403.</summary>
    Admin,

    /// <summary>Work orders' supervisors and the Admin; other accounts get 403.</summary>
    Supervisors,

    /// <summary>Who opens work orders: operators, supervisors, managers, the Admin; other accounts get 403.</summary>
    Intake,

    /// <summary>Everyone of the work orders (the intake's people and mechanics); clients get 403.</summary>
    Workshop,

    /// <summary>The sample work order: the workshop sees it but the mechanic it is not given to (404); clients get 403.</summary>
    OrderOf,

    /// <summary>Mechanics and shop mechanics (checking in and out); other accounts get 403.</summary>
    Mechanics,

    /// <summary>The sample order's mechanic (submitting its stages); the rest of the workshop gets 404, clients 403.</summary>
    OrderMechanic,

    /// <summary>Deciding the sample order's stages: supervisors and the Admin; the rest of the workshop gets 404, clients 403.</summary>
    OrderSupervisors,

    /// <summary>
    /// A photo of the order waiting in the shop: supervisors, the Admin, shop mechanics (it waits in their queue); the
    /// rest of the workshop gets 404 (the operator and manager see the order but not its photos), clients 403.
    /// </summary>
    OrderPhoto,

    /// <summary>The shop's queue: shop mechanics, supervisors and the Admin; other accounts get 403.</summary>
    ShopFloor,

    /// <summary>Taking and filing shop work: shop mechanics; supervisors and the Admin see the queue but get 404; others 403.</summary>
    ShopMechanic,

    /// <summary>Drivers (their own page and jobs); other accounts get 403.</summary>
    Drivers,

    /// <summary>Who watches the pick-ups change: drivers, managers and the Admin; other accounts get 403.</summary>
    PickupWatchers,

    /// <summary>Nobody here: the endpoint answers 404 in this environment (the Development mail folder).</summary>
    Absent,

    /// <summary>Telegram's webhook: 401 to whoever calls without the bot's secret header (every visitor here).</summary>
    TelegramSecret,

    /// <summary>Refused as a bad request, whoever asks (a POST straight to the error page, which only re-executed POSTs reach).</summary>
    Refused,
}

/// <summary>
/// The access matrix: every Razor page and named handler, found in the site's own endpoint list, called with GET and
/// POST (with and without an antiforgery token) as a stranger, a client, another client, a manager and an Admin, and
/// compared with the table below. A page or handler without a row fails the test, as does a row for something that
/// no longer exists; no answer anywhere may be a 5xx. A method the handler does not serve is a 404 (405 for endpoints
/// outside Razor Pages); a POST without the token is a 400 wherever the visitor may otherwise reach it.
/// </summary>
public sealed class AccessMatrixTests(BookingFixture fixture) : SiteTest<BookingFixture>(fixture)
{
    /// <summary>Page (area:path) or route, handler, the URL to call (sample ids in braces), who may reach it, and the form a POST sends.</summary>
    private static readonly Row[] Table =
    [
        // Everyone
        new("/Index", null, "/", Access.Anyone),
        new("/Error", null, "/Error", Access.Anyone, Post: Access.Refused),
        new("/Culture/Index", null, "/Culture", Access.Anyone, Form: "culture=en-GB&returnUrl=%2F"),
        new("/Unsubscribe", null, "/Unsubscribe?token={token}", Access.Anyone, OneClick: true),
        new("/Account/Login", null, "/Account/Login", Access.Anyone),
        new("/Account/Logout", null, "/Account/Logout", Access.Anyone),
        new("/Account/Register", null, "/Account/Register", Access.Anyone),
        new("/Account/RegisterConfirmation", null, "/Account/RegisterConfirmation?email=anna%40example.ru", Access.Anyone),
        new("/Account/ResendConfirmation", null, "/Account/ResendConfirmation", Access.Anyone),
        new("/Account/ForgotPassword", null, "/Account/ForgotPassword", Access.Anyone),
        new("/Account/ResetPassword", null, "/Account/ResetPassword?userId={clientId}&code=broken", Access.Anyone),
        new("/Account/ConfirmEmail", null, "/Account/ConfirmEmail?userId={clientId}&code=broken", Access.Anyone),
        new("/Account/ConfirmEmailChange", null, "/Account/ConfirmEmailChange?userId={clientId}&email=new%40example.ru&code=broken", Access.Anyone),
        new("/health", null, "/health", Access.Anyone),
        new("/pictures/{name}", null, "/pictures/{picture}", Access.Anyone),
        new("/Dev/Mail", null, "/dev/mail", Access.Absent),

        // Any signed-in account: their own profile, garage and bookings
        new("/Profile/Index", null, "/Profile", Access.SignedIn),
        new("/Profile/Email", null, "/Profile/Email", Access.SignedIn),
        new("/Profile/Password", null, "/Profile/Password", Access.SignedIn),
        new("/Profile/Telegram", null, "/Profile/Telegram", Access.SignedIn),
        new("/Profile/Telegram", "Code", "/Profile/Telegram?handler=Code", Access.SignedIn),
        new("/Profile/Telegram", "Unlink", "/Profile/Telegram?handler=Unlink", Access.SignedIn),
        new("/Garage/Index", null, "/Garage", Access.SignedIn),
        new("/Garage/Index", "Remove", "/Garage?handler=Remove&id={car}", Access.Owner),
        new("/Garage/Edit", null, "/Garage/Edit/{car}", Access.Owner),
        new("/Garage/Edit", "Models", "/Garage/Edit/{car}?handler=Models&filter=Rio", Access.Owner),
        new("/Booking/Index", null, "/Booking?date={day}", Access.SignedIn),
        new("/Booking/Index", "Month", "/Booking?handler=Month&month={month}", Access.SignedIn),
        new("/Booking/Index", "Day", "/Booking?handler=Day&date={day}", Access.SignedIn),
        new("/Booking/Index", "Panel", "/Booking?handler=Panel&date={day}&time=13:00&advisorId={advisor}", Access.SignedIn),
        new("/Booking/Index", "RepairTypes", "/Booking?handler=RepairTypes&carId={car}", Access.Owner),
        new("/Booking/Index", "ClosePanel", "/Booking?handler=ClosePanel", Access.SignedIn),
        new("/Booking/Index", "Book", "/Booking?handler=Book&date={day}&time=13:00&advisorId={advisor}&carId={car}&repairTypeId={repairType}", Access.SignedIn),
        new("/Booking/My", null, "/Booking/My", Access.SignedIn),
        new("/Booking/live", null, "/Booking/live?date={day}", Access.SignedIn),
        new("/Booking/My", "Cancel", "/Booking/My?handler=Cancel&id={booking}", Access.Owner),

        // The manager's desk and campaigns
        new("Manager:/Calendar/Index", null, "/Manager/Calendar?date={day}", Access.Staff),
        new("Manager:/Calendar/Index", "Month", "/Manager/Calendar?handler=Month&month={month}", Access.Staff),
        new("Manager:/Calendar/Index", "Day", "/Manager/Calendar?handler=Day&date={day}", Access.Staff),
        new("Manager:/Calendar/Index", "Panel", "/Manager/Calendar?handler=Panel&date={day}&time=13:00&advisorId={advisor}", Access.Staff),
        new("Manager:/Calendar/Index", "Clients", "/Manager/Calendar?handler=Clients&q=anna", Access.Staff),
        new("Manager:/Calendar/Index", "RepairTypes", "/Manager/Calendar?handler=RepairTypes&carId={car}&clientId={clientId}", Access.Staff),
        new("Manager:/Calendar/Index", "ClosePanel", "/Manager/Calendar?handler=ClosePanel", Access.Staff),
        new("Manager:/Calendar/Index", "Book", "/Manager/Calendar?handler=Book&date={day}&time=14:00&advisorId={advisor}&clientId={clientId}&carId={car}&repairTypeId={repairType}", Access.Staff),
        new("Manager:/Calendar/Index", "Booking", "/Manager/Calendar?handler=Booking&id={booking}", Access.Staff),
        new("Manager:/Calendar/Index", "Delete", "/Manager/Calendar?handler=Delete&id={booking}&reason=test", Access.Staff),
        new("/Manager/Calendar/live", null, "/Manager/Calendar/live?date={day}", Access.Staff),
        new("Manager:/Campaigns/Index", null, "/Manager/Campaigns", Access.Staff),
        new("Manager:/Campaigns/New", null, "/Manager/Campaigns/New", Access.Staff),
        new("Manager:/Campaigns/New", "Count", "/Manager/Campaigns/New?handler=Count", Access.Staff),
        new("Manager:/Campaigns/New", "Clients", "/Manager/Campaigns/New?handler=Clients&q=anna", Access.Staff),
        new("Manager:/Campaigns/New", "Chosen", "/Manager/Campaigns/New?handler=Chosen", Access.Staff),
        new("Manager:/Campaigns/New", "Preview", "/Manager/Campaigns/New?handler=Preview", Access.Staff),
        new("Manager:/Campaigns/Details", null, "/Manager/Campaigns/Details/{campaign}", Access.Staff),
        new("Manager:/Campaigns/Details", "Progress", "/Manager/Campaigns/Details/{campaign}?handler=Progress", Access.Staff),

        // The catalog, the workshop's calendar and the users (Admin)
        new("Admin:/Index", null, "/Admin", Access.Admin),
        new("Admin:/Oils/Index", null, "/Admin/Oils", Access.Admin),
        new("Admin:/Oils/Index", "Toggle", "/Admin/Oils?handler=Toggle&id={oil}", Access.Admin),
        new("Admin:/Oils/Index", "Delete", "/Admin/Oils?handler=Delete&id={oil}", Access.Admin),
        new("Admin:/Oils/Edit", null, "/Admin/Oils/Edit/{oil}", Access.Admin),
        new("Admin:/Engines/Index", null, "/Admin/Engines", Access.Admin),
        new("Admin:/Engines/Index", "Toggle", "/Admin/Engines?handler=Toggle&id={engine}", Access.Admin),
        new("Admin:/Engines/Index", "Delete", "/Admin/Engines?handler=Delete&id={engine}", Access.Admin),
        new("Admin:/Engines/Edit", null, "/Admin/Engines/Edit/{engine}", Access.Admin),
        new("Admin:/Models/Index", null, "/Admin/Models", Access.Admin),
        new("Admin:/Models/Index", "Toggle", "/Admin/Models?handler=Toggle&id={model}", Access.Admin),
        new("Admin:/Models/Index", "Delete", "/Admin/Models?handler=Delete&id={model}", Access.Admin),
        new("Admin:/Models/Edit", null, "/Admin/Models/Edit/{model}", Access.Admin),
        new("Admin:/LabourRates/Index", null, "/Admin/LabourRates", Access.Admin),
        new("Admin:/LabourRates/Index", "Toggle", "/Admin/LabourRates?handler=Toggle&id={rate}", Access.Admin),
        new("Admin:/LabourRates/Index", "Delete", "/Admin/LabourRates?handler=Delete&id={rate}", Access.Admin),
        new("Admin:/LabourRates/Edit", null, "/Admin/LabourRates/Edit/{rate}", Access.Admin),
        new("Admin:/Parts/Index", null, "/Admin/Parts", Access.Admin),
        new("Admin:/Parts/Index", "Table", "/Admin/Parts?handler=Table&model={model}", Access.Admin),
        new("Admin:/Parts/Index", "Toggle", "/Admin/Parts?handler=Toggle&id={part}", Access.Admin),
        new("Admin:/Parts/Index", "Delete", "/Admin/Parts?handler=Delete&id={part}", Access.Admin),
        new("Admin:/Parts/Edit", null, "/Admin/Parts/Edit/{part}", Access.Admin),
        new("Admin:/RepairTypes/Index", null, "/Admin/RepairTypes", Access.Admin),
        new("Admin:/RepairTypes/Index", "Table", "/Admin/RepairTypes?handler=Table&model={model}", Access.Admin),
        new("Admin:/RepairTypes/Index", "Toggle", "/Admin/RepairTypes?handler=Toggle&id={repairType}", Access.Admin),
        new("Admin:/RepairTypes/Index", "Delete", "/Admin/RepairTypes?handler=Delete&id={repairType}", Access.Admin),
        new("Admin:/RepairTypes/Edit", null, "/Admin/RepairTypes/Edit/{repairType}", Access.Admin),
        new("Admin:/RepairTypes/Edit", "Parts", "/Admin/RepairTypes/Edit/{repairType}?handler=Parts&Input.CarModelId={model}", Access.Admin),
        new("Admin:/Advisors/Index", null, "/Admin/Advisors", Access.Admin),
        new("Admin:/Advisors/Index", "Toggle", "/Admin/Advisors?handler=Toggle&id={advisor}", Access.Admin),
        new("Admin:/Advisors/Index", "Delete", "/Admin/Advisors?handler=Delete&id={advisor}", Access.Admin),
        new("Admin:/Advisors/Edit", null, "/Admin/Advisors/Edit/{advisor}", Access.Admin),
        new("Admin:/DaysOff/Index", null, "/Admin/DaysOff", Access.Admin),
        new("Admin:/DaysOff/Index", "Delete", "/Admin/DaysOff?handler=Delete&id={dayOff}", Access.Admin),
        new("Admin:/Email/Index", null, "/Admin/Email", Access.Admin),
        new("Admin:/Email/Index", "Retry", "/Admin/Email?handler=Retry&id={email}", Access.Admin),
        new("Admin:/Users/Index", null, "/Admin/Users?q=spare", Access.Admin),
        new("Admin:/Users/Index", "Grant", "/Admin/Users?handler=Grant&id={spareId}&role=Manager", Access.Admin),
        new("Admin:/Users/Index", "Revoke", "/Admin/Users?handler=Revoke&id={spareId}&role=Manager", Access.Admin),

        // Work orders: the list and an order (mechanics their own), opening one, assigning, shifts, staff, the blacklist
        new("/Orders/Index", null, "/Orders?Status=Assigned&Date={day}", Access.Workshop),
        new("/Orders/Details", null, "/Orders/{order}", Access.OrderOf),
        new("/Orders/Details", "Live", "/Orders/{order}?handler=Live", Access.OrderOf),
        new("/Orders/{id:int}/live", null, "/Orders/{order}/live", Access.OrderOf),
        new("/Orders/live", null, "/Orders/live", Access.Workshop),
        new("/Orders/New", null, "/Orders/New", Access.Intake, Form: "Input.ClientName=%D0%A2%D0%B5%D1%81%D1%82&Input.Phone=89161234567"),
        new("/Orders/New", "Phone", "/Orders/New?handler=Phone&Input.Phone=89169999999", Access.Intake),
        new("/Orders/Details", "Agreement", "/Orders/{order}?handler=Agreement", Access.OrderOf, Post: Access.OrderMechanic),
        new("/Orders/Details", "Prepayment", "/Orders/{order}?handler=Prepayment", Access.OrderOf, Post: Access.OrderMechanic),
        new("/Orders/Details", "InShop", "/Orders/{order}?handler=InShop", Access.OrderOf, Post: Access.OrderMechanic),
        new("/Orders/Details", "Expenses", "/Orders/{order}?handler=Expenses", Access.OrderOf, Post: Access.OrderMechanic),
        new("/Orders/Details", "FinalReport", "/Orders/{order}?handler=FinalReport", Access.OrderOf, Post: Access.OrderMechanic),
        new("/Orders/Details", "MoreOptions", "/Orders/{order}?handler=MoreOptions", Access.OrderOf),
        new("/Orders/Details", "MoreLines", "/Orders/{order}?handler=MoreLines", Access.OrderOf),
        new("/Orders/Details", "Approve", "/Orders/{order}?handler=Approve", Access.OrderOf, Post: Access.OrderSupervisors),
        new("/Orders/Details", "Return", "/Orders/{order}?handler=Return", Access.OrderOf, Post: Access.OrderSupervisors),
        new("/Orders/Details", "Priority", "/Orders/{order}?handler=Priority", Access.OrderOf, Post: Access.OrderSupervisors),
        new("/Orders/Photo", null, "/Orders/{shopOrder}/Photo/{photo}", Access.OrderPhoto),
        new("/Workshop/Index", null, "/Workshop", Access.ShopFloor),
        new("/Workshop/Index", "Claim", "/Workshop?handler=Claim&orderId={shopOrder}", Access.ShopFloor, Post: Access.ShopMechanic),
        new("/Workshop/Index", "File", "/Workshop?handler=File&orderId={shopOrder}", Access.ShopFloor, Post: Access.ShopMechanic),
        new("/Orders/Assign", null, "/Orders/Assign?id={order}&mechanicId={mechanicId}", Access.Supervisors),
        new("/Orders/Shift", null, "/Orders/Shift", Access.Mechanics),
        new("/Orders/Shift", "CheckIn", "/Orders/Shift?handler=CheckIn", Access.Mechanics),
        new("/Orders/Shift", "CheckOut", "/Orders/Shift?handler=CheckOut", Access.Mechanics),
        new("/Staff/Index", null, "/Staff?Date={day}", Access.Supervisors),
        new("/Staff/Index", "Deactivate", "/Staff?handler=Deactivate&id={spareMechanicId}", Access.Supervisors),
        new("/Staff/Index", "Reactivate", "/Staff?handler=Reactivate&id={spareMechanicId}", Access.Supervisors),
        new("/Staff/Edit", null, "/Staff/Edit/{spareMechanicId}", Access.Supervisors,
            Form: "Input.Nickname=vova&Input.Email=vova%40example.ru&Input.LastName=%D0%92%D0%BE%D0%B2%D0%B8%D0%BD&Input.FirstName=%D0%92%D0%BE%D0%B2%D0%B0&Input.Kind=Mechanic"),
        new("/Blacklist/Index", null, "/Blacklist", Access.Supervisors, Form: "Input.Reason=test"),
        new("/Blacklist/Index", "Lift", "/Blacklist?handler=Lift&id={blacklistEntry}", Access.Supervisors),

        // Pick-ups: the client's requests and the signed answer link, the desk's table, drivers, districts, the driver's page
        new("/Pickup/Index", null, "/Pickup", Access.SignedIn),
        new("/Pickup/Index", "Answer", "/Pickup?handler=Answer&id={pickupProposal}&agree=false", Access.Owner),
        new("/Pickup/Index", "Invoice", "/Pickup?handler=Invoice&id={pickup}", Access.Owner),
        new("/Pickup/Answer", null, "/Pickup/Answer?token={pickupToken}&answer=decline", Access.Anyone),
        new("/Pickups/live", null, "/Pickups/live", Access.PickupWatchers),
        new("Manager:/Pickups/Index", null, "/Manager/Pickups?Status=InProgress&District={district}", Access.Staff),
        new("Manager:/Pickups/Details", null, "/Manager/Pickups/Details/{pickupJob}", Access.Staff),
        new("Manager:/Pickups/Details", "Confirm", "/Manager/Pickups/Details/{pickupProposal}?handler=Confirm", Access.Staff),
        new("Manager:/Pickups/Details", "Paid", "/Manager/Pickups/Details/{pickup}?handler=Paid", Access.Staff),
        new("Manager:/Pickups/Details", "Invoice", "/Manager/Pickups/Details/{pickup}?handler=Invoice", Access.Staff),
        new("Manager:/Drivers/Index", null, "/Manager/Drivers", Access.Staff),
        new("Manager:/Drivers/Edit", null, "/Manager/Drivers/Edit/{driverId}", Access.Staff,
            Form: "Input.LastName=%D0%92%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D0%B5%D0%B2&Input.FirstName=%D0%94%D0%BC%D0%B8%D1%82%D1%80%D0%B8%D0%B9"),
        new("Manager:/Drivers/Card", null, "/Manager/Drivers/Card/{driverId}", Access.Staff),
        new("Admin:/Districts/Index", null, "/Admin/Districts", Access.Admin),
        new("Admin:/Districts/Index", "Toggle", "/Admin/Districts?handler=Toggle&id={district}", Access.Admin),
        new("Admin:/Districts/Index", "Delete", "/Admin/Districts?handler=Delete&id={district}", Access.Admin),
        new("Admin:/Districts/Edit", null, "/Admin/Districts/Edit/{district}", Access.Admin),
        new("/Driver/Index", null, "/Driver", Access.Drivers),
        new("/Driver/Index", "Job", "/Driver?handler=Job", Access.Drivers),
        new("/Driver/Index", "Done", "/Driver?handler=Done&id={pickupJob}", Access.Drivers),

        // Reports: the figures, the rows behind a figure, the kept XLSX reports (made, downloaded, deleted)
        new("/Reports/Index", null, "/Reports?Period=Week", Access.Staff),
        new("/Reports/List", null, "/Reports/List?measure=Visits&from={today}&to={today}&advisor={advisor}", Access.Staff),
        new("/Reports/Daily", null, "/Reports/Daily", Access.Staff, Form: "Input.From={today}&Input.To={today}"),
        new("/Reports/Daily", "File", "/Reports/Daily?handler=File&id={report}", Access.Staff),
        new("/Reports/Daily", "Make", "/Reports/Daily?handler=Make", Access.Staff, Form: "Input.From={today}&Input.To={today}"),
        new("/Reports/Daily", "Delete", "/Reports/Daily?handler=Delete&id={report}", Access.Staff),

        // The API's tokens (Admin) and its description (anyone); the API itself: Api/ApiAccessMatrixTests
        new("Admin:/ApiTokens/Index", null, "/Admin/ApiTokens", Access.Admin, Form: "Input.Name=bot&Input.Scopes=read&Input.ActsAs=nobody"),
        new("Admin:/ApiTokens/Index", "Issue", "/Admin/ApiTokens?handler=Issue", Access.Admin, Form: "Input.Name=bot&Input.Scopes=read&Input.ActsAs=nobody"),
        new("Admin:/ApiTokens/Index", "Revoke", "/Admin/ApiTokens?handler=Revoke&id={apiToken}", Access.Admin),

        // The Telegram bot's set-up (Admin) and Telegram's webhook (its secret header, which no visitor has)
        new("Admin:/Telegram/Index", null, "/Admin/Telegram", Access.Admin, Form: "Input.Token=1%3Ashort"),
        new("Admin:/Telegram/Index", "Save", "/Admin/Telegram?handler=Save", Access.Admin, Form: "Input.Token=1%3Ashort"),
        new("Admin:/Telegram/Index", "Remove", "/Admin/Telegram?handler=Remove", Access.Admin),
        new("/telegram/webhook", null, "/telegram/webhook", Access.TelegramSecret),
        new("/api/openapi/{documentName}.json", null, "/api/openapi/v1.json", Access.Anyone),
        new("/api/docs/{documentName?}", null, "/api/docs", Access.Anyone),
        new("/api/docs/scalar.js", null, "/api/docs/scalar.js", Access.Anyone),
        new("/api/docs/scalar.aspnetcore.js", null, "/api/docs/scalar.aspnetcore.js", Access.Anyone),
        new("/api/docs/favicon.svg", null, "/api/docs/favicon.svg", Access.Anyone),
    ];

    /// <summary>
    /// The whole pages (no handler: what a browser opens) each visitor may open, as URL templates of the table: the
    /// accessibility check walks exactly these.
    /// </summary>
    internal static IReadOnlyList<string> PagesFor(Visitor visitor) =>
    [
        .. Table.Where(row => row.Handler is null && row.Page is not ("/health" or "/pictures/{name}" or "/Error" or "/Booking/live" or "/Manager/Calendar/live" or "/Orders/live" or "/Orders/{id:int}/live" or "/Pickups/live" or "/api/openapi/{documentName}.json" or "/api/docs/{documentName?}" or "/api/docs/scalar.js" or "/api/docs/scalar.aspnetcore.js" or "/api/docs/favicon.svg" or "/Orders/Assign" or "/Orders/Shift" or "/Orders/Photo") && row.Access is not Access.Absent
                && Expected(row, new Served(true, [HttpMethods.Get]), visitor, HttpMethod.Get, withToken: false) == OutcomeKind.Allowed)
            .Select(row => row.Url),
    ];

    private static readonly Visitor[] Visitors =
    [
        Visitor.OtherClient, Visitor.Stranger, Visitor.Client, Visitor.Manager, Visitor.Admin,
        Visitor.Supervisor, Visitor.Operator, Visitor.Mechanic, Visitor.OtherMechanic, Visitor.ShopMechanic, Visitor.Driver,
    ];

    [Fact]
    public async Task Every_page_and_handler_of_the_site_has_a_row_and_every_row_still_exists()
    {
        var found = (await EndpointsAsync()).Keys.ToHashSet();
        var listed = Table.Select(row => (row.Page, row.Handler)).ToHashSet();

        var missing = found.Except(listed).Select(e => $"{e.Page} {e.Handler}").Order().ToList();
        var stale = listed.Except(found).Select(e => $"{e.Page} {e.Handler}").Order().ToList();

        Assert.True(missing.Count == 0, "Endpoints without a row in the access matrix: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist: " + string.Join(", ", stale));
        Assert.Equal(Table.Length, listed.Count);
    }

    [Fact]
    public async Task Every_endpoint_answers_each_visitor_as_the_table_says_and_never_with_a_server_error()
    {
        var endpoints = await EndpointsAsync();
        var sample = await WithServicesAsync(SampleWorkshop.SeedAsync);
        var sessions = new Dictionary<Visitor, Session>();
        foreach (var visitor in Visitors)
        {
            sessions[visitor] = await Session.StartAsync(Fixture.Site, visitor);
        }

        var failures = new List<string>();
        async Task CheckAsync(Row row, Visitor visitor, HttpMethod method, bool withToken)
        {
            var url = sample.Fill(row.Url);
            var status = await sessions[visitor].SendAsync(method, url, withToken, row.Form is null ? null : sample.Fill(row.Form));
            var expected = Expected(row, endpoints[(row.Page, row.Handler)], visitor, method, withToken);
            var got = Outcome.Of(status);
            if (got.Kind != expected || got.Kind == OutcomeKind.ServerError)
            {
                failures.Add($"{method} {url} as {visitor}{(method == HttpMethod.Post ? withToken ? " with token" : " without token" : string.Empty)}: " +
                    $"expected {expected}, got {got}");
            }
        }

        // Reading first, then posting without a token (which must change nothing), then posting for real.
        foreach (var row in Table)
        {
            foreach (var visitor in Visitors)
            {
                await CheckAsync(row, visitor, HttpMethod.Get, withToken: false);
            }
        }

        foreach (var row in Table)
        {
            foreach (var visitor in Visitors)
            {
                await CheckAsync(row, visitor, HttpMethod.Post, withToken: false);
            }
        }

        foreach (var row in Table)
        {
            foreach (var visitor in Visitors)
            {
                await CheckAsync(row, visitor, HttpMethod.Post, withToken: true);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the access matrix:\n" + string.Join("\n", failures));
    }

    private static OutcomeKind Expected(Row row, Served served, Visitor visitor, HttpMethod method, bool withToken)
    {
        var access = (method == HttpMethod.Post ? row.Post ?? row.Access : row.Access) switch
        {
            Access.Anyone => OutcomeKind.Allowed,
            Access.Absent => OutcomeKind.NotFound,
            Access.Refused => OutcomeKind.BadRequest,
            Access.TelegramSecret => OutcomeKind.SignIn,
            _ when visitor == Visitor.Stranger => OutcomeKind.SignIn,
            Access.SignedIn => OutcomeKind.Allowed,
            Access.Owner => visitor == Visitor.Client ? OutcomeKind.Allowed : OutcomeKind.NotFound,
            Access.Staff => visitor is Visitor.Manager or Visitor.Admin ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            Access.Admin => visitor == Visitor.Admin ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            Access.Supervisors => visitor is Visitor.Supervisor or Visitor.Admin ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            Access.Intake => visitor is Visitor.Operator or Visitor.Supervisor or Visitor.Manager or Visitor.Admin ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            Access.Workshop => visitor is Visitor.Client or Visitor.OtherClient or Visitor.Driver ? OutcomeKind.Forbidden : OutcomeKind.Allowed,
            Access.OrderOf => visitor switch
            {
                Visitor.Client or Visitor.OtherClient or Visitor.Driver => OutcomeKind.Forbidden,
                Visitor.OtherMechanic or Visitor.ShopMechanic => OutcomeKind.NotFound,
                _ => OutcomeKind.Allowed,
            },
            Access.OrderMechanic => visitor switch
            {
                Visitor.Client or Visitor.OtherClient or Visitor.Driver => OutcomeKind.Forbidden,
                Visitor.Mechanic => OutcomeKind.Allowed,
                _ => OutcomeKind.NotFound,
            },
            Access.OrderSupervisors => visitor switch
            {
                Visitor.Client or Visitor.OtherClient or Visitor.Driver => OutcomeKind.Forbidden,
                Visitor.Supervisor or Visitor.Admin => OutcomeKind.Allowed,
                _ => OutcomeKind.NotFound,
            },
            Access.OrderPhoto => visitor switch
            {
                Visitor.Client or Visitor.OtherClient or Visitor.Driver => OutcomeKind.Forbidden,
                Visitor.Supervisor or Visitor.Admin or Visitor.ShopMechanic => OutcomeKind.Allowed,
                _ => OutcomeKind.NotFound,
            },
            Access.ShopFloor => visitor is Visitor.ShopMechanic or Visitor.Supervisor or Visitor.Admin ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            Access.ShopMechanic => visitor switch
            {
                Visitor.ShopMechanic => OutcomeKind.Allowed,
                Visitor.Supervisor or Visitor.Admin => OutcomeKind.NotFound,
                _ => OutcomeKind.Forbidden,
            },
            Access.Drivers => visitor == Visitor.Driver ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            Access.PickupWatchers => visitor is Visitor.Driver or Visitor.Manager or Visitor.Admin ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            Access.Mechanics => visitor is Visitor.Mechanic or Visitor.OtherMechanic or Visitor.ShopMechanic ? OutcomeKind.Allowed : OutcomeKind.Forbidden,
            _ => throw new ArgumentOutOfRangeException(nameof(row)),
        };

        if (!served.IsPage)
        {
            // Outside Razor Pages there is no antiforgery check; routing refuses a method the endpoint does not take
            // (405), but a GET of a POST-only endpoint is a 404 on this site, as it is for the API's sign-in.
            return served.Methods.Contains(method.Method) ? access
                : method == HttpMethod.Get ? OutcomeKind.NotFound : OutcomeKind.MethodNotAllowed;
        }

        // A POST that would get past the sign-in and role checks is refused without the antiforgery token, but for the
        // one-click unsubscribe (mail clients post it without one: the signed token in the link is the proof).
        if (method == HttpMethod.Post && !withToken && !row.OneClick && access is OutcomeKind.Allowed or OutcomeKind.NotFound)
        {
            return OutcomeKind.BadRequest;
        }

        return access == OutcomeKind.Allowed && !served.Methods.Contains(method.Method) ? OutcomeKind.NotFound : access;
    }

    /// <summary>
    /// Every page (area:path) with each of its named handlers and the methods each serves, and every other routed
    /// endpoint but static files.
    /// </summary>
    private async Task<Dictionary<(string Page, string? Handler), Served>> EndpointsAsync()
    {
        var services = Fixture.Site.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var found = new Dictionary<(string, string?), Served>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // The page's name as links know it (area and page), wherever its module keeps the file.
                var area = page.RouteValues.TryGetValue("area", out var value) ? value : null;
                var name = (string.IsNullOrEmpty(area) ? string.Empty : area + ":") + page.RouteValues["page"];
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.GroupBy(h => h.Name))
                {
                    found[(name, handler.Key)] = new Served(true, [.. handler.Select(h => h.HttpMethod.ToUpperInvariant())]);
                }

                found.TryAdd((name, null), new Served(true, []));
            }
            else if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null
                     && !pattern.Contains(":file}", StringComparison.Ordinal)
                     && !pattern.StartsWith("/api/v1/", StringComparison.Ordinal))
            {
                // (":file" is the fallback that serves static files from the build output; the API, which takes no
                // cookie, has its own matrix of tokens and scopes: Api/ApiAccessMatrixTests.)
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get, HttpMethods.Post];
                found[(pattern, null)] = new Served(false, [.. methods]);
            }
        }

        return found;
    }

    /// <summary>Whether an endpoint is a Razor page, and which methods its handler serves.</summary>
    private sealed record Served(bool IsPage, HashSet<string> Methods);

    private sealed record Row(string Page, string? Handler, string Url, Access Access, string? Form = null, bool OneClick = false, Access? Post = null);

    public enum Visitor
    {
        Stranger,
        Client,
        OtherClient,
        Manager,
        Admin,
        Supervisor,
        Operator,

        /// <summary>The mechanic the sample order is given to.</summary>
        Mechanic,

        /// <summary>A mechanic on shift without the sample order.</summary>
        OtherMechanic,

        /// <summary>A shop mechanic: the sample shop order waits in their queue.</summary>
        ShopMechanic,

        /// <summary>The driver of the sample pick-ups (one collected, one their active job).</summary>
        Driver,
    }

    private enum OutcomeKind
    {
        Allowed,
        SignIn,
        Forbidden,
        NotFound,
        BadRequest,
        MethodNotAllowed,
        OtherRefusal,
        ServerError,
    }

    private sealed record Outcome(OutcomeKind Kind, int Status, string? Location)
    {
        public static Outcome Of((HttpStatusCode Status, string? Location) answer)
        {
            var code = (int)answer.Status;
            var kind = code switch
            {
                >= 500 => OutcomeKind.ServerError,
                401 => OutcomeKind.SignIn,
                >= 300 and < 400 when answer.Location?.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true => OutcomeKind.SignIn,
                < 400 => OutcomeKind.Allowed,
                400 => OutcomeKind.BadRequest,
                403 => OutcomeKind.Forbidden,
                404 => OutcomeKind.NotFound,
                405 => OutcomeKind.MethodNotAllowed,
                _ => OutcomeKind.OtherRefusal,
            };
            return new Outcome(kind, code, answer.Location);
        }

        public override string ToString() => $"{Kind} ({Status}{(Location is null ? string.Empty : " → " + Location)})";
    }

    /// <summary>
    /// One visitor's cookies and antiforgery token, sent by hand on every request, so that a request which signs out
    /// or switches the language does not change the visitor for the next one.
    /// </summary>
    private sealed class Session(HttpClient http, string cookies, string token)
    {
        public static async Task<Session> StartAsync(SiteFactory site, Visitor visitor)
        {
            var http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var jar = new Dictionary<string, string>();
            var login = await ReadAsync(http, HttpMethod.Get, "/Account/Login", jar, null);
            var user = visitor switch
            {
                Visitor.Client => SampleWorkshop.Client,
                Visitor.OtherClient => SampleWorkshop.OtherClient,
                Visitor.Manager => SampleWorkshop.Manager,
                Visitor.Admin => SampleWorkshop.Admin,
                Visitor.Supervisor => SampleWorkshop.Supervisor,
                Visitor.Operator => SampleWorkshop.Operator,
                Visitor.Mechanic => SampleWorkshop.Mechanic,
                Visitor.OtherMechanic => SampleWorkshop.OtherMechanic,
                Visitor.ShopMechanic => SampleWorkshop.ShopMechanic,
                Visitor.Driver => SampleWorkshop.Driver,
                _ => null,
            };
            if (user is not null)
            {
                var form = new Dictionary<string, string>
                {
                    ["Input.Login"] = user.Nickname,
                    ["Input.Password"] = user.Password,
                    ["__RequestVerificationToken"] = FormToken(login),
                };
                var signedIn = await ReadAsync(http, HttpMethod.Post, "/Account/Login", jar, form);
                Assert.True(jar.ContainsKey("sb.auth"), $"{visitor} could not sign in: {signedIn}");
            }

            // The token is bound to the account: read it from a page seen as that visitor.
            var home = await ReadAsync(http, HttpMethod.Get, "/", jar, null);
            var meta = System.Text.RegularExpressions.Regex.Match(home, "name=\"csrf-token\" content=\"([^\"]+)\"");
            Assert.True(meta.Success, "No csrf-token on the home page.");
            return new Session(http, Header(jar), System.Net.WebUtility.HtmlDecode(meta.Groups[1].Value));
        }

        public async Task<(HttpStatusCode, string?)> SendAsync(HttpMethod method, string url, bool withToken, string? form)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("Cookie", cookies);
            if (method == HttpMethod.Post)
            {
                var fields = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form ?? string.Empty)
                    .ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
                if (withToken)
                {
                    fields["__RequestVerificationToken"] = token;
                }

                request.Content = new FormUrlEncodedContent(fields);
            }

            // Headers only: a live stream's body never ends (disposing the answer closes it).
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }

        private static async Task<string> ReadAsync(HttpClient http, HttpMethod method, string url, Dictionary<string, string> jar, Dictionary<string, string>? form)
        {
            using var request = new HttpRequestMessage(method, url);
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", Header(jar));
            }

            if (form is not null)
            {
                request.Content = new FormUrlEncodedContent(form);
            }

            using var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    var pair = setCookie.Split(';')[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    jar[pair[..equals]] = pair[(equals + 1)..];
                }
            }

            return await response.Content.ReadAsStringAsync();
        }

        private static string FormToken(string html) =>
            System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"") is { Success: true } match
                ? match.Groups[1].Value
                : throw new InvalidOperationException("No antiforgery field on the sign-in page.");

        private static string Header(Dictionary<string, string> jar)
        {
            var header = new StringBuilder();
            foreach (var (name, value) in jar)
            {
                header.Append(header.Length == 0 ? string.Empty : "; ").Append(name).Append('=').Append(value);
            }

            return header.ToString();
        }
    }
}

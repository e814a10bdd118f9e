using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Modules.Api;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Campaigns;
using ServiceBooking.Web.Modules.Catalog;
using ServiceBooking.Web.Modules.Garage;
using ServiceBooking.Web.Modules.Pickups;
using ServiceBooking.Web.Modules.Reports;
using ServiceBooking.Web.Modules.Telegram;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Hosting;

var (command, options, hostArgs) = Commands.Split(args);

var builder = WebApplication.CreateBuilder(hostArgs);
// The site and its jobs build links from Site:PublicUrl; migrate and create-admin send nothing and can run without it.
builder.AddPlatform(requirePublicUrl: command is null or "run-job")
    .AddAccounts()
    .AddGarage()
    .AddCatalog()
    .AddBookings()
    .AddCampaigns()
    .AddWorkOrders()
    .AddPickups()
    .AddReports()
    .AddTelegram()
    .AddApi();

var app = builder.Build();
app.UsePlatform();
app.MapCatalog();
app.MapBookings();
app.MapWorkOrders();
app.MapPickups();
app.MapTelegram();
app.MapApi();

if (command is not null)
{
    return await Commands.RunAsync(app, command, options);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;

using ServiceBooking.Web.Hosting;

var (command, options, hostArgs) = Commands.Split(args);

var builder = WebApplication.CreateBuilder(hostArgs);
// The site and its jobs build links from Site:PublicUrl; migrate and create-admin send nothing and can run without it.
builder.AddServiceBooking(requirePublicUrl: command is null or "run-job");

var app = builder.Build();
app.UseServiceBooking();

if (command is not null)
{
    return await Commands.RunAsync(app, command, options);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the tests.</summary>
public partial class Program;

using ServiceBooking.Web.Hosting;

var (command, options, hostArgs) = Commands.Split(args);

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddServiceBooking();

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

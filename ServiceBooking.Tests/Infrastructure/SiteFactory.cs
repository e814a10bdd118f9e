using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceBooking.Tests.Infrastructure;

/// <summary>
/// The real site (<c>Program</c>) on a real PostgreSQL database, sending mail to an <see cref="SmtpSink"/>.
/// <see cref="Settings"/> adds or overrides configuration; <see cref="ConfigureTestServices"/> replaces services.
/// </summary>
public sealed class SiteFactory(string connectionString, SmtpSink smtp) : WebApplicationFactory<Program>
{
    public Dictionary<string, string?> Settings { get; } = [];

    public string Environment { get; set; } = "Testing";

    public Action<IServiceCollection>? ConfigureTestServices { get; set; }

    public string ConnectionString => connectionString;

    /// <summary>This site's own picture folder, so tests never write into the source tree.</summary>
    public string PictureFolder { get; } = Path.Combine(Path.GetTempPath(), "sb-pictures-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Serves the site on a free port of 127.0.0.1 and returns its address (for the browser). The port is chosen first,
    /// so that the site's public URL (the start of every emailed link) is that address.
    /// </summary>
    public Uri StartOnRealPort()
    {
        var port = FreePort();
        Settings["Site:PublicUrl"] = $"http://127.0.0.1:{port}";
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, port));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(PictureFolder))
        {
            Directory.Delete(PictureFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // Outside Development the site expects published static files; from a build output the pre-compressed
        // copies (served when a browser asks for gzip or br) are found through the build's static web assets manifest.
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:TimeoutSeconds"] = "5",
            ["Pictures:Folder"] = PictureFolder,
            ["OrderPhotos:Folder"] = Path.Combine(PictureFolder, "orders"),
            // The outbox is delivered every second, so tests that wait for an email see it soon. The other jobs run
            // only when a test calls them.
            ["Jobs:Outbox"] = "true",
            ["Jobs:OutboxSeconds"] = "1",
            ["Jobs:Reminders"] = "false",
            ["Jobs:Campaigns"] = "false",
            ["Jobs:Pickups"] = "false",
            ["Jobs:Reports"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            // Race tests make PostgreSQL refuse duplicates on purpose; EF would log each refusal as an error.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
            // Keys are kept unencrypted in the test database on purpose.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            // What the in-memory test client sends as Host; browser tests use the real port's address instead.
            ["Site:PublicUrl"] = "http://localhost",
        };
        // Every test client comes from one address and signs in far more often than a person would: the limits are
        // lifted, except in the tests of the limits themselves (which set their own).
        foreach (var limit in typeof(ServiceBooking.Web.Platform.Hosting.RateLimitOptions).GetProperties())
        {
            settings[$"RateLimits:{limit.Name}:Permits"] = "100000";
            settings[$"RateLimits:{limit.Name}:WindowSeconds"] = "1";
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }
}

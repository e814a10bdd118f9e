namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the site starts. On by default in Development only; elsewhere run the <c>migrate</c> command.</summary>
    public bool? MigrateOnStartup { get; set; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ServiceBooking.Web.Platform.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without a database or the site's configuration.
/// It never connects: migrations are applied by the site or the <c>migrate</c> command.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        ApplicationDbContext.Configure(options, "Host=localhost;Database=design_time");
        return new ApplicationDbContext(options.Options);
    }
}

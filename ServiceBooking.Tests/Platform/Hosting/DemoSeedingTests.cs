using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Platform.Hosting;

/// <summary>A site outside Development (this one is "Testing") told to seed demo data, as a misconfigured server would be.</summary>
public sealed class DemoOutsideDevelopmentFixture : SiteFixture
{
    protected override void Configure(SiteFactory site)
    {
        site.Settings["Demo:Seed"] = "true";
        site.Settings["Demo:Password"] = "demo-pass-12";
    }
}

/// <summary>Demo accounts share one known password, so they are made only in Development.</summary>
public sealed class DemoSeedingTests(DemoOutsideDevelopmentFixture fixture) : IClassFixture<DemoOutsideDevelopmentFixture>
{
    [Fact]
    public async Task Outside_development_demo_seeding_is_ignored_and_no_demo_account_exists()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        Assert.Null(await users.FindByNameAsync("admin"));
        Assert.Null(await users.FindByNameAsync("client"));
        Assert.Empty(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().CarModels);
    }
}

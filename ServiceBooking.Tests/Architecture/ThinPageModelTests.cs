using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Architecture;

/// <summary>
/// Page models parse, call their module's service and render (ARCHITECTURE.md): none is given the database, so every
/// query and every rule sits in a service or the Domain, where it is found and tested once.
/// </summary>
public sealed class ThinPageModelTests
{
    private static readonly IReadOnlyList<Type> PageModels =
        [.. typeof(ApplicationDbContext).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(PageModel).IsAssignableFrom(t))];

    [Fact]
    public void The_site_has_its_page_models()
    {
        // A guard for the test below: it would pass vacuously if the assembly scan found nothing.
        Assert.True(PageModels.Count >= 40, $"found only {PageModels.Count} page models");
    }

    [Fact]
    public void No_page_model_is_given_a_database_context()
    {
        var offenders = PageModels
            .Where(page => page.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => typeof(DbContext).IsAssignableFrom(p.ParameterType))
                || page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(p => typeof(DbContext).IsAssignableFrom(p.PropertyType)))
            .Select(page => page.FullName);

        Assert.Empty(offenders);
    }
}

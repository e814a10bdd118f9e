using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Tests.Platform.Hosting;
using Visitor = ServiceBooking.Tests.Platform.Hosting.AccessMatrixTests.Visitor;

namespace ServiceBooking.Tests.Platform;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) over every page each role can open, as the access matrix lists them, on a
/// laptop and on a phone. A serious or critical finding fails the test with the rule and the elements it found.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture) : IAsyncLifetime
{
    private SampleWorkshop _sample = default!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _sample = await fixture.WithScopeAsync(SampleWorkshop.SeedAsync);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<Visitor, bool> Visitors => new()
    {
        { Visitor.Stranger, false }, { Visitor.Client, false }, { Visitor.Manager, false }, { Visitor.Admin, false },
        { Visitor.Stranger, true }, { Visitor.Client, true }, { Visitor.Manager, true },
        { Visitor.Mechanic, true }, { Visitor.ShopMechanic, true }, { Visitor.Driver, true },
    };

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_a_role_can_open_has_no_serious_accessibility_finding(Visitor visitor, bool phone)
    {
        var page = await fixture.NewPageAsync(phone);
        var user = visitor switch
        {
            Visitor.Client => SampleWorkshop.Client,
            Visitor.Manager => SampleWorkshop.Manager,
            Visitor.Admin => SampleWorkshop.Admin,
            Visitor.Mechanic => SampleWorkshop.Mechanic,
            Visitor.ShopMechanic => SampleWorkshop.ShopMechanic,
            Visitor.Driver => SampleWorkshop.Driver,
            _ => null,
        };
        if (user is not null)
        {
            await new AccountPages(page).SignInAsync(user.Nickname, user.Password);
            // (On a phone the menu is folded: the link is there, not shown.)
            await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("nav-profile")).ToBeAttachedAsync();
        }

        var findings = new List<Finding>();
        var pages = AccessMatrixTests.PagesFor(visitor);
        Assert.NotEmpty(pages);
        foreach (var template in pages)
        {
            var url = _sample.Fill(template);
            var response = await page.GotoAsync(url);
            Assert.True(response?.Ok, $"{url} answered {response?.Status}");
            findings.AddRange(await FindingsAsync(page, url));
        }

        Assert.True(findings.Count == 0, Report(findings));
    }

    /// <summary>The serious and critical violations of the page as it is now, one per rule and element.</summary>
    internal static async Task<IEnumerable<Finding>> FindingsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .SelectMany(v => v.Nodes.Select(node => new Finding(where, $"{v.Id} ({v.Impact})", string.Join(" ", node.Target), node.Html)));
    }

    /// <summary>The findings grouped by rule and element, each with the pages it was seen on.</summary>
    internal static string Report(IReadOnlyCollection<Finding> findings) =>
        $"{findings.Count} serious accessibility findings:\n" + string.Join("\n", findings
            .GroupBy(f => (f.Rule, f.Target, f.Html))
            .Select(g => $"{g.Key.Rule} {g.Key.Target}: {g.Key.Html[..Math.Min(160, g.Key.Html.Length)]}\n    on {g.Count()} page(s): " +
                string.Join(", ", g.Select(f => f.Page[..Math.Min(60, f.Page.Length)]).Take(4))));

    internal sealed record Finding(string Page, string Rule, string Target, string Html);
}

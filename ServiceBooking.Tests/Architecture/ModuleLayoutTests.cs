using System.Text.RegularExpressions;

namespace ServiceBooking.Tests.Architecture;

/// <summary>
/// One folder per module (ARCHITECTURE.md): <c>ServiceBooking.Web/Modules/&lt;Module&gt;</c> holds its pages, services,
/// jobs, components and its one <c>Add&lt;Module&gt;()</c>, which Program.cs calls; the platform depends on no module;
/// no module reaches into another's pages, and no page folder into another page folder (what pages share lives at the
/// module's level); the Domain and the tests have a folder of the same name.
/// </summary>
public sealed partial class ModuleLayoutTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Web = Path.Combine(Root, "ServiceBooking.Web");

    private static readonly IReadOnlyList<string> Modules =
        [.. Directory.GetDirectories(Path.Combine(Web, "Modules")).Select(Path.GetFileName).Order()!];

    public static TheoryData<string> EachModule() => new(Modules);

    [Fact]
    public void The_modules_are_the_ones_the_product_has_so_far()
    {
        Assert.Equal(["Accounts", "Api", "Bookings", "Campaigns", "Catalog", "Garage", "Pickups", "Reports", "Telegram", "WorkOrders"], Modules);
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void A_module_registers_itself_once_and_program_cs_adds_it(string module)
    {
        var registration = Path.Combine(Web, "Modules", module, $"{module}Module.cs");
        Assert.True(File.Exists(registration), $"{module} has no {module}Module.cs");
        Assert.Contains($"Add{module}(this WebApplicationBuilder", File.ReadAllText(registration), StringComparison.Ordinal);
        Assert.Contains($".Add{module}()", File.ReadAllText(Path.Combine(Web, "Program.cs")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EachModule))]
    public void A_module_has_a_folder_of_the_same_name_in_the_tests(string module)
    {
        Assert.True(Directory.Exists(Path.Combine(Root, "ServiceBooking.Tests", module)), $"no ServiceBooking.Tests/{module}");
    }

    [Fact]
    public void Every_page_lives_in_a_module_or_in_the_platform()
    {
        var pages = Sources(Web, "*.cshtml").Where(file => PageDirective().IsMatch(File.ReadAllText(file))).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Matches(@"^(Modules/[^/]+|Platform)/Pages/", Relative(Web, page)));
    }

    [Fact]
    public void The_platform_depends_on_no_module()
    {
        var offenders = Sources(Path.Combine(Web, "Platform"), "*.*")
            .Where(file => File.ReadAllText(file).Contains("ServiceBooking.Web.Modules.", StringComparison.Ordinal))
            .Select(file => Relative(Web, file));

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_module_reaches_into_another_modules_pages_nor_a_page_folder_into_another()
    {
        var offences = new List<string>();
        foreach (var file in Sources(Path.Combine(Web, "Modules"), "*.*"))
        {
            var relative = Relative(Web, file);
            var parts = relative.Split('/');
            var module = parts[1];
            var pageFolder = parts.Length > 4 && parts[2] == "Pages" ? string.Join('.', parts[3..^1]) : null;
            foreach (Match reference in PagesNamespace().Matches(File.ReadAllText(file)))
            {
                var (otherModule, otherFolder) = (reference.Groups["module"].Value, reference.Groups["folder"].Value);
                if (otherModule != module)
                {
                    offences.Add($"{relative} uses {module}'s neighbour {otherModule}'s pages ({reference.Value})");
                }
                else if (otherFolder.Length > 0 && pageFolder is not null && !pageFolder.StartsWith(otherFolder, StringComparison.Ordinal)
                         && !otherFolder.StartsWith(pageFolder, StringComparison.Ordinal))
                {
                    offences.Add($"{relative} uses another page folder's types ({reference.Value}): share them at the module's level");
                }
            }
        }

        Assert.Empty(offences);
    }

    [Fact]
    public void The_domain_has_a_folder_for_each_module_that_has_rules()
    {
        var domain = Directory.GetDirectories(Path.Combine(Root, "ServiceBooking.Domain")).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "Common")).Order().ToList();

        Assert.All(domain, folder => Assert.Contains(folder, Modules));
    }

    private static IEnumerable<string> Sources(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal));

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string FindRoot()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(here!.FullName, "ServiceBooking.sln")))
        {
            here = here.Parent;
        }

        return here.FullName;
    }

    [GeneratedRegex(@"^\s*@page\b", RegexOptions.Multiline)]
    private static partial Regex PageDirective();

    [GeneratedRegex(@"ServiceBooking\.Web\.Modules\.(?<module>\w+)\.Pages(?:\.(?<folder>[\w.]+?))?(?=\.[A-Z]\w*\b[^.]|\b[^.\w]|;)")]
    private static partial Regex PagesNamespace();
}

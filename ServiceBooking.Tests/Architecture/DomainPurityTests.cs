using System.Xml.Linq;
using ServiceBooking.Domain.Accounts;

namespace ServiceBooking.Tests.Architecture;

/// <summary>The Domain stays pure: no web, data, mail or scheduling framework in it (ARCHITECTURE.md).</summary>
public sealed class DomainPurityTests
{
    private static readonly string[] Forbidden = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "MailKit", "MimeKit", "Coravel", "Microsoft.Extensions"];

    [Fact]
    public void The_domain_assembly_references_only_the_base_library()
    {
        var references = typeof(Nickname).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"ServiceBooking.Domain references {name}"));
        Assert.DoesNotContain(references, name => Forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_domain_project_has_no_package_or_project_references()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(here!.FullName, "ServiceBooking.sln")))
        {
            here = here.Parent;
        }

        var project = XDocument.Load(Path.Combine(here.FullName, "ServiceBooking.Domain", "ServiceBooking.Domain.csproj"));

        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Empty(project.Descendants("FrameworkReference"));
    }
}

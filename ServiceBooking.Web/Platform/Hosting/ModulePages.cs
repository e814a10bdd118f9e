using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>
/// Razor Pages, one page root per module. A page lives in its module, <c>Modules/Bookings/Pages/Booking/My.cshtml</c>,
/// or in the platform, <c>Platform/Pages/Error.cshtml</c>; what follows <c>Pages/</c> is its address and its name, as if
/// all pages sat in one <c>Pages</c> folder: <c>/Booking/My</c>. Under <c>Admin/</c> and <c>Manager/</c> the first
/// folder is the page's area, as before the modules moved: <c>asp-area="Admin" asp-page="/Oils/Index"</c> still links
/// to <c>/Admin/Oils</c>. Two modules may not claim the same address (the site refuses to start).
/// </summary>
public static partial class ModulePages
{
    public static readonly IReadOnlyList<string> Areas = ["Admin", "Manager"];

    /// <summary>Where shared layouts and partials live (the layout, the Admin layout, status messages).</summary>
    public const string SharedFolder = "/Platform/Pages/Shared";

    public static IMvcBuilder AddModulePages(this IMvcBuilder mvc)
    {
        mvc.Services.Configure<RazorPagesOptions>(options =>
        {
            options.RootDirectory = "/";
            options.Conventions.Add(new Routes());
        });
        mvc.Services.Configure<RazorViewEngineOptions>(options =>
        {
            options.ViewLocationExpanders.Add(new PartialsBesideThePage());
            options.PageViewLocationFormats.Add(SharedFolder + "/{0}" + RazorViewEngine.ViewExtension);
            options.AreaPageViewLocationFormats.Add(SharedFolder + "/{0}" + RazorViewEngine.ViewExtension);
        });
        return mvc;
    }

    /// <summary>The page's physical folder for a module-relative one: <c>Folder("Bookings", "/Manager")</c>.</summary>
    public static string Folder(string module, string folder) =>
        module == "Platform" ? "/Platform/Pages" + folder : $"/Modules/{module}/Pages{folder}";

    /// <summary>"/Modules/Bookings/Pages/Booking/My" → "/Booking/My"; null for a file outside any page root.</summary>
    public static string? Logical(string viewEnginePath) =>
        PageRoot().Match(viewEnginePath) is { Success: true } match ? match.Groups["rest"].Value : null;

    [GeneratedRegex(@"^/(?:Modules/[^/]+|Platform)/Pages(?<rest>/.*)$")]
    private static partial Regex PageRoot();

    [GeneratedRegex(@"^(?:Modules/[^/]+|Platform)/Pages(?:/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex TemplatePrefix();

    /// <summary>
    /// Partials are looked for beside the page's file and in its parent folders up to its module's page root (the view
    /// engine itself looks where the page's name points, which is not where its module keeps it), then in the shared folder.
    /// </summary>
    private sealed class PartialsBesideThePage : IViewLocationExpander
    {
        private const string Key = "page-folder";

        public void PopulateValues(ViewLocationExpanderContext context)
        {
            if (context.ActionContext.ActionDescriptor is PageActionDescriptor page)
            {
                context.Values[Key] = page.RelativePath[..page.RelativePath.LastIndexOf('/')];
            }
        }

        public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
        {
            if (!context.Values.TryGetValue(Key, out var folder) || folder is null || Logical(folder + "/x") is null)
            {
                return viewLocations;
            }

            var beside = new List<string>();
            for (var current = folder; Logical(current + "/x") is not null; current = current[..current.LastIndexOf('/')])
            {
                beside.Add(current + "/{0}" + RazorViewEngine.ViewExtension);
            }

            return beside.Concat(viewLocations);
        }
    }

    private sealed class Routes : IPageRouteModelConvention
    {
        private readonly Dictionary<string, string> _claimed = new(StringComparer.OrdinalIgnoreCase);

        public void Apply(PageRouteModel model)
        {
            if (Logical(model.ViewEnginePath) is not { } logical)
            {
                throw new InvalidOperationException(
                    $"The page {model.RelativePath} is outside Modules/<Module>/Pages and Platform/Pages, where pages live.");
            }

            lock (_claimed)
            {
                if (_claimed.TryGetValue(logical, out var other) && other != model.RelativePath)
                {
                    throw new InvalidOperationException($"{model.RelativePath} and {other} both want to be the page {logical}.");
                }

                _claimed[logical] = model.RelativePath;
            }

            var page = logical;
            foreach (var area in Areas)
            {
                if (logical.StartsWith($"/{area}/", StringComparison.Ordinal))
                {
                    model.RouteValues["area"] = area;
                    page = logical[(area.Length + 1)..];
                }
            }

            model.RouteValues["page"] = page;
            foreach (var selector in model.Selectors)
            {
                if (selector.AttributeRouteModel is { Template: { } template } route)
                {
                    route.Template = TemplatePrefix().Replace(template, string.Empty);
                }
            }
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>
/// A request that no handler of the page serves (a GET of a POST-only handler, a POST to a page that only reads, a
/// handler name that does not exist) is a 404. Left alone, Razor Pages would render the page without running any
/// handler, with nothing loaded: a page of empty data, or a server error.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // As the framework reads it: the route value, else the query string. For a name it does not find for the
        // method, the framework falls back to the unnamed handler (a GET of ?handler=Delete runs OnGet).
        var named = context.RouteData.Values["handler"]?.ToString() is { Length: > 0 } route ? route : context.HttpContext.Request.Query["handler"].ToString();
        var mismatch = named.Length > 0 && !string.Equals(context.HandlerMethod?.Name, named, StringComparison.OrdinalIgnoreCase);
        if (mismatch || (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        return next();
    }
}

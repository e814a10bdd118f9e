using Microsoft.Net.Http.Headers;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>
/// Conditional requests for a grid: the answer carries the grid's ETag (the day's version and what else the grid
/// depends on) and must be revalidated every time; a request that already has that version gets 304 and no body.
/// </summary>
public static class GridCaching
{
    /// <summary>Sets the validators; true when the request's <c>If-None-Match</c> names <paramref name="etag"/>.</summary>
    public static bool IsNotModified(HttpContext context, string etag)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        // Private (what a viewer sees is theirs), and kept only to be revalidated.
        headers.CacheControl = "private, no-cache";
        foreach (var value in context.Request.Headers.IfNoneMatch)
        {
            if (value is not null && EntityTagHeaderValue.TryParseList([value], out var tags)
                && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false)))
            {
                return true;
            }
        }

        return false;
    }
}

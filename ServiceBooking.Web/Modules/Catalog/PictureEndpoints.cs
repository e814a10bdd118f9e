namespace ServiceBooking.Web.Modules.Catalog;

/// <summary><c>GET /pictures/{name}</c>: a car model picture from the picture folder. Names are random, so they cache forever.</summary>
public static class PictureEndpoints
{
    public static IEndpointRouteBuilder MapPictures(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pictures/{name}", (string name, PictureStore store, HttpContext context) =>
        {
            var path = store.PathOf(name);
            if (path is null)
            {
                return Results.NotFound();
            }

            // A picture opened on its own runs nothing, whatever it holds.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.File(path, PictureStore.ContentTypes[Path.GetExtension(path)]);
        });
        return app;
    }
}

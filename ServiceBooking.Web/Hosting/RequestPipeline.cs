using Microsoft.AspNetCore.HttpOverrides;
using ServiceBooking.Web.Catalog;

namespace ServiceBooking.Web.Hosting;

public static class RequestPipeline
{
    public static WebApplication UseServiceBooking(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseUploadLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health").WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapPictures();
        app.UseJobs();
        return app;
    }
}

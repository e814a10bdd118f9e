using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>
/// The OpenAPI document's own parts: title, the server (the configured public URL, never the request's host) and the
/// bearer scheme every endpoint but sign-in needs.
/// </summary>
public sealed class ApiDocument(IOptions<SiteOptions> site) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ServiceBooking API",
            Version = "v1",
            Description = "Bookings, pick-up requests and their dispatch, work orders and shifts, for bots and the mobile app. "
                + "Authenticate with `Authorization: Bearer <token>`: an application's token (issued by an Admin) or a staff member's "
                + "access token from `POST /api/v1/auth/sign-in`. Errors are RFC 9457 problem details.",
        };
        if (site.Value.PublicUrl is { Length: > 0 } url)
        {
            document.Servers = [new OpenApiServer { Url = url.TrimEnd('/') }];
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An application's token (sbk_…) or a staff member's access token (sba_…).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
        return Task.CompletedTask;
    }
}

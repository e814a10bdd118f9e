using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Hosting;

/// <summary>Configuration section <c>Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The address people reach the site at (https://service.example), for links in emails sent by jobs.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Absolute links for emails. The configured <see cref="SiteOptions.PublicUrl"/> wins; without it, the address of the
/// request being served, or else the address the server listens on.
/// </summary>
public sealed class SiteLinks(IOptions<SiteOptions> options, IHttpContextAccessor http, IServer server)
{
    public Uri Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
            {
                return new Uri(options.Value.PublicUrl.TrimEnd('/') + "/");
            }

            if (http.HttpContext?.Request is { } request)
            {
                return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
            }

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Set Site:PublicUrl: emails sent by jobs need the site's address.");
            return new Uri(listening.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    /// <summary>"https://site/Booking/My", or with a query: "https://site/Unsubscribe?token=…".</summary>
    public string To(string path, IReadOnlyDictionary<string, string?>? query = null)
    {
        var url = new Uri(Base, path.TrimStart('/')).ToString();
        return query is null ? url : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, query);
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>Configuration section <c>Site</c>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The address people reach the site at (https://service.example, or with a path: https://example.ru/service/).
    /// Every absolute link the site sends (emails, later API answers) starts with it. Required outside Development.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The public URL as an absolute http(s) address ending with '/', or null when it is unset or malformed.</summary>
    public static Uri? Parse(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;

    /// <summary>Refuses to start without a usable public URL outside Development, saying what to set.</summary>
    public static void Require(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[$"{Section}:{nameof(PublicUrl)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (environment.IsDevelopment())
            {
                return;
            }

            throw new InvalidOperationException(
                "No public URL: set Site:PublicUrl (environment variable Site__PublicUrl) to the address people reach the site at, " +
                "e.g. https://service.example. Links in emails are built from it, never from the request's Host header.");
        }

        if (Parse(value) is null)
        {
            throw new InvalidOperationException(
                $"Site:PublicUrl '{value}' is not an absolute http:// or https:// address without a query (e.g. https://service.example).");
        }
    }
}

/// <summary>
/// Absolute links for emails and other messages that leave the site. They start with <see cref="SiteOptions.PublicUrl"/>
/// and never with what a request claims (its <c>Host</c> or <c>X-Forwarded-Host</c> header can be forged, and a reset
/// link pointing at an attacker's host gives the attacker the code). Only in Development, without a public URL, the
/// address the server itself listens on is used.
/// </summary>
public sealed class SiteLinks(IOptions<SiteOptions> options, LinkGenerator routes, IServer server)
{
    public Uri Base => SiteOptions.Parse(options.Value.PublicUrl) ?? Listening();

    /// <summary>"https://site/Booking/My", or with a query: "https://site/Unsubscribe?token=…".</summary>
    public string To(string path, IReadOnlyDictionary<string, string?>? query = null)
    {
        var url = new Uri(Base, path.TrimStart('/')).ToString();
        return query is null ? url : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, query);
    }

    /// <summary>The absolute address of a Razor page with route and query values: <c>Page("/Account/ResetPassword", new { userId, code })</c>.</summary>
    public string Page(string page, object? values = null)
    {
        var path = routes.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No page '{page}' to link to.");
        return new Uri(Base, path.TrimStart('/')).ToString();
    }

    private Uri Listening()
    {
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set Site:PublicUrl: links in emails need the site's address.");
        return new Uri(listening.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
    }
}

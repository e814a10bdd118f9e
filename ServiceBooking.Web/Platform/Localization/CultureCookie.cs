using Microsoft.AspNetCore.Localization;

namespace ServiceBooking.Web.Platform.Localization;

public static class CultureCookie
{
    /// <summary>Remembers the reader's language for a year (the cookie the request localization reads).</summary>
    public static void Append(HttpResponse response, string culture)
    {
        var name = Cultures.Get(culture).Name;
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;

namespace ServiceBooking.Web.Platform.Components;

/// <summary>
/// Text for components that carry a lot of Russian. The framework's static component renderer always encodes text
/// with <see cref="HtmlEncoder.Default"/>, which writes every Cyrillic letter as a seven-character entity: the day grid
/// came out three times its size. This encoder escapes what HTML needs escaped and leaves letters of any alphabet as
/// they are, the same as the site's Razor pages (see <c>AddWebEncoders</c> in the service registration).
/// </summary>
public static class Html
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static MarkupString Text(string? value) => new(value is null ? string.Empty : Encoder.Encode(value));
}

using System.Reflection;
using PdfSharp.Fonts;

namespace ServiceBooking.Web.Modules.Pickups.Invoices;

/// <summary>
/// The fonts of the invoices: DejaVu Sans, regular and bold (with Cyrillic and the rouble sign), shipped inside this
/// assembly (<c>Fonts/*.ttf</c>, embedded as <c>InvoiceFonts.*</c>; licence in <c>Fonts/LICENSE-DejaVu.txt</c>). PDFsharp
/// reads fonts only through the one resolver of the process, which <see cref="Register"/> sets once; no system font
/// path is ever read.
/// </summary>
public static class InvoiceFonts
{
    /// <summary>The family name to give <c>XFont</c>.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    /// <summary>
    /// Makes PDFsharp resolve <see cref="Family"/> from this assembly. Safe to call from any thread, any number of times:
    /// PDFsharp's global resolver is set once, before any font is used. Throws if another resolver was set already, as
    /// the invoices' font would then not be found.
    /// </summary>
    public static void Register()
    {
        if (_registered)
        {
            return;
        }

        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is not null && current is not Resolver)
            {
                throw new InvalidOperationException(
                    $"PDFsharp's font resolver is already {current.GetType().FullName}: the invoices need theirs ({typeof(Resolver).FullName}).");
            }

            GlobalFontSettings.FontResolver = Resolver.Instance;
            _registered = true;
        }
    }

    /// <summary>Maps DejaVu Sans (regular, bold; italic simulated) to the embedded files; any other family is not found.</summary>
    private sealed class Resolver : IFontResolver
    {
        public static readonly Resolver Instance = new();

        private const string Regular = "DejaVuSans";
        private const string Bold = "DejaVuSans-Bold";

        private static readonly Lazy<byte[]> RegularBytes = new(() => Load(Regular));
        private static readonly Lazy<byte[]> BoldBytes = new(() => Load(Bold));

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
                ? new FontResolverInfo(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic)
                : null;

        public byte[]? GetFont(string faceName) => faceName switch
        {
            Regular => RegularBytes.Value,
            Bold => BoldBytes.Value,
            _ => null,
        };

        private static byte[] Load(string face)
        {
            var name = $"InvoiceFonts.{face}.ttf";
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The font {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}

namespace ServiceBooking.Domain.Common;

/// <summary>
/// The twelve letters that look the same in Cyrillic and Latin (А В Е К М Н О Р С Т У Х / A B E K M H O P C T Y X).
/// People type whichever keyboard layout is on; documents have one alphabet.
/// </summary>
public static class Lookalikes
{
    private const string Cyrillic = "АВЕКМНОРСТУХ";
    private const string Latin = "ABEKMHOPCTYX";

    public static char ToCyrillic(char c)
    {
        var i = Latin.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Cyrillic[i] : c;
    }

    public static char ToLatin(char c)
    {
        var i = Cyrillic.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? Latin[i] : c;
    }

    public static bool IsPlateLetter(char c) => Cyrillic.Contains(c, StringComparison.Ordinal);

    /// <summary>Upper case, without spaces and hyphens, for document numbers typed in any way.</summary>
    public static string Compact(string? input) =>
        new([.. (input ?? string.Empty).ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-')]);
}

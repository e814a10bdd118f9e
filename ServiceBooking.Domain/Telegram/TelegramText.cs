namespace ServiceBooking.Domain.Telegram;

/// <summary>
/// What a Telegram message may hold: at most <see cref="MaxLength"/> characters (the Bot API refuses longer ones). A
/// longer notice is cut at the last line break (or space) before the limit and ends with an ellipsis, so that what is
/// sent reads as a whole.
/// </summary>
public static class TelegramText
{
    public const int MaxLength = 4096;

    public static string Fit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var room = MaxLength - 1;
        var cut = text.LastIndexOf('\n', room - 1, room);
        if (cut < room / 2)
        {
            cut = text.LastIndexOf(' ', room - 1, room);
        }

        return (cut < room / 2 ? text[..room] : text[..cut]).TrimEnd() + "…";
    }
}

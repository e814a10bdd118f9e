namespace ServiceBooking.Domain.Telegram;

/// <summary>
/// A command a chat sent the bot: <c>/start CODE</c>, <c>/stop</c>, <c>/help</c>… Telegram's form: a slash, the name
/// (letters, digits, _; up to 32), optionally <c>@botname</c> (in groups), then the argument after a space.
/// </summary>
public sealed record ChatCommand(string Name, string Argument)
{
    private const int MaxNameLength = 32;

    /// <summary>The command in <paramref name="text"/>, its name lower-cased; null for text that is not a command.</summary>
    public static ChatCommand? Parse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed[0] != '/')
        {
            return null;
        }

        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? trimmed[1..] : trimmed[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? head : head[..at];
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return new ChatCommand(name.ToLowerInvariant(), space < 0 ? string.Empty : trimmed[(space + 1)..].Trim());
    }

    /// <summary>Whether <paramref name="code"/> could be a link code (what <c>t.me/bot?start=</c> allows: A–Z, a–z, 0–9, _ and -, up to 64).</summary>
    public static bool IsLinkCode(string code) =>
        code.Length is > 0 and <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}

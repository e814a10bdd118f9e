using ServiceBooking.Domain.Telegram;

namespace ServiceBooking.Tests.Telegram.Domain;

public sealed class TelegramTextTests
{
    [Fact]
    public void A_text_within_the_limit_is_sent_as_it_is()
    {
        var text = new string('а', TelegramText.MaxLength);
        Assert.Same(text, TelegramText.Fit(text));
    }

    [Fact]
    public void A_longer_text_is_cut_at_its_last_line_break_and_ends_with_an_ellipsis()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"Строка {i:D3} заказа"));

        var fitted = TelegramText.Fit(lines);

        Assert.True(fitted.Length <= TelegramText.MaxLength);
        Assert.EndsWith("заказа…", fitted, StringComparison.Ordinal);
        Assert.StartsWith(fitted[..^1], lines, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_without_breaks_is_cut_at_the_limit()
    {
        var fitted = TelegramText.Fit(new string('x', 5000));

        Assert.Equal(TelegramText.MaxLength, fitted.Length);
        Assert.EndsWith("x…", fitted, StringComparison.Ordinal);
    }
}

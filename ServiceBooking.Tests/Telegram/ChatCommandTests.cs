using ServiceBooking.Domain.Telegram;

namespace ServiceBooking.Tests.Telegram;

/// <summary>What the bot takes for a command: Telegram's form, with the bot's name in groups, and the link code's alphabet.</summary>
public sealed class ChatCommandTests
{
    [Theory]
    [InlineData("/start abc-DEF_123", "start", "abc-DEF_123")]
    [InlineData("  /START@servicebooking_bot   abc  ", "start", "abc")]
    [InlineData("/stop", "stop", "")]
    [InlineData("/help\nplease", "help", "please")]
    public void A_command_is_its_name_and_argument(string text, string name, string argument) =>
        Assert.Equal(new ChatCommand(name, argument), ChatCommand.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("привет")]
    [InlineData("/")]
    [InlineData("/старт abc")]
    [InlineData("/@bot")]
    public void Other_text_is_no_command(string? text) => Assert.Null(ChatCommand.Parse(text));

    [Theory]
    [InlineData("abc-DEF_123", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("код", false)]
    public void A_link_code_has_what_a_start_link_allows(string code, bool valid) => Assert.Equal(valid, ChatCommand.IsLinkCode(code));

    [Fact]
    public void A_link_code_is_at_most_64_characters() =>
        Assert.Equal((true, false), (ChatCommand.IsLinkCode(new string('a', 64)), ChatCommand.IsLinkCode(new string('a', 65))));
}

using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ServiceBooking.Web.Modules.Campaigns;

namespace ServiceBooking.Tests.Campaigns;

/// <summary>The formatting a manager may use in a campaign's text, and nothing else.</summary>
public sealed class PromoMarkupTests
{
    /// <summary>The HTML as a mail client reads it.</summary>
    private static IElement Parsed(string text) =>
        new HtmlParser().ParseDocument("<body>" + PromoMarkup.ToHtml(text) + "</body>").Body!;

    [Fact]
    public void A_blank_line_separates_paragraphs()
    {
        Assert.Equal("<p>Здравствуйте!</p><p>Весной скидки.</p>", PromoMarkup.ToHtml("Здравствуйте!\n\nВесной скидки."));
        Assert.Equal("<p>Один</p><p>Два</p>", PromoMarkup.ToHtml("Один\r\n\r\nДва"));
        Assert.Equal("<p>Один</p><p>Два</p>", PromoMarkup.ToHtml("\n\nОдин\n   \n\n\nДва\n\n"));
    }

    [Fact]
    public void A_single_line_break_stays_a_line_break_in_the_paragraph()
    {
        Assert.Equal("<p>Ждём вас<br />с 8 до 20</p>", PromoMarkup.ToHtml("Ждём вас\r\nс 8 до 20"));
    }

    [Fact]
    public void Lines_starting_with_a_dash_make_a_list()
    {
        Assert.Equal(
            "<p>Что входит:</p><ul><li>замена масла</li><li>проверка тормозов</li></ul><p>Звоните!</p>",
            PromoMarkup.ToHtml("Что входит:\n\n- замена масла\n  - проверка тормозов\n\nЗвоните!"));
    }

    /// <summary>The documented rule is "lines starting with "- " as a list"; a manager writes a list right under its heading.</summary>
    [Fact]
    public void Lines_starting_with_a_dash_make_a_list_even_right_under_a_lead_line()
    {
        var html = Parsed("Что входит:\n- замена масла\n- проверка тормозов");

        Assert.Equal(["замена масла", "проверка тормозов"], html.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.DoesNotContain("- замена", html.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_without_a_space_is_text()
    {
        Assert.Equal("<p>-20% на всё</p>", PromoMarkup.ToHtml("-20% на всё"));
    }

    [Fact]
    public void Double_asterisks_make_bold_and_single_ones_italic()
    {
        Assert.Equal("<p><strong>Скидка 20%</strong> только <em>до пятницы</em></p>", PromoMarkup.ToHtml("**Скидка 20%** только *до пятницы*"));
        Assert.Equal("<ul><li><strong>ТО-1</strong> за 5 000 ₽</li></ul>", PromoMarkup.ToHtml("- **ТО-1** за 5 000 ₽"));
    }

    [Theory]
    [InlineData("2 * 3 * 4 = 24")]
    [InlineData("звёздочка * одна")]
    [InlineData("a*b*c")]
    public void Asterisks_that_are_not_emphasis_stay_as_they_are(string text)
    {
        Assert.Equal($"<p>{text}</p>", PromoMarkup.ToHtml(text));
    }

    [Fact]
    public void A_web_link_becomes_a_link_with_its_text()
    {
        var html = Parsed("Запишитесь [на сайте](https://service.example/Booking) или [по старой ссылке](http://old.example/)");

        Assert.Equal(
            [("на сайте", "https://service.example/Booking"), ("по старой ссылке", "http://old.example/")],
            html.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))));
    }

    [Fact]
    public void A_link_keeps_its_query_string()
    {
        var link = Parsed("[Акция](https://service.example/promo?utm_source=mail&utm_campaign=spring)").QuerySelector("a")!;

        Assert.Equal("https://service.example/promo?utm_source=mail&utm_campaign=spring", link.GetAttribute("href"));
    }

    /// <summary>Emphasis is for the text: an address is kept as the manager wrote it.</summary>
    [Fact]
    public void A_link_address_with_asterisks_is_kept_as_written()
    {
        var link = Parsed("[Акция](https://service.example/promo?code=*SPRING*)").QuerySelector("a")!;

        Assert.Equal("https://service.example/promo?code=*SPRING*", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("[нажмите](javascript:alert(1))")]
    [InlineData("[нажмите](javascript:alert)")]
    [InlineData("[нажмите](JavaScript://service.example)")]
    [InlineData("[нажмите](data:text/html,hello)")]
    [InlineData("[нажмите](vbscript:msgbox)")]
    [InlineData("[нажмите](ftp://files.example/price.pdf)")]
    [InlineData("[нажмите](mailto:shop@service.example)")]
    [InlineData("[нажмите](//service.example/Booking)")]
    public void Other_schemes_are_not_turned_into_links(string text)
    {
        var html = Parsed(text);

        Assert.Empty(html.QuerySelectorAll("a"));
        Assert.Equal(text, html.TextContent);
    }

    [Fact]
    public void Html_the_manager_types_is_shown_as_text()
    {
        const string text = "<script>alert('x')</script> <b>жирный</b> <img src=x onerror=alert(1)> & «ёлка»";
        var html = Parsed(text);

        Assert.Empty(html.QuerySelectorAll("script, b, img"));
        Assert.Equal(text, html.TextContent);
        Assert.StartsWith("<p>&lt;script&gt;", PromoMarkup.ToHtml(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[приз](https://service.example/?q=\"onmouseover=\"alert)")]
    [InlineData("[приз](https://service.example/?q='onmouseover='alert)")]
    [InlineData("[приз](https://service.example/\"><script>alert)")]
    public void Quotes_in_an_address_cannot_break_out_of_the_link(string text)
    {
        var html = Parsed(text);

        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.All(html.QuerySelectorAll("a"), a => Assert.Equal(["href"], a.Attributes.Select(attribute => attribute.Name)));
        Assert.All(html.QuerySelectorAll("*"), element => Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_quote_in_an_address_stays_inside_the_address()
    {
        var link = Parsed("[приз](https://service.example/?q=\"onmouseover=\"alert)").QuerySelector("a")!;

        Assert.Equal("https://service.example/?q=\"onmouseover=\"alert", link.GetAttribute("href"));
    }

    [Fact]
    public void Empty_text_makes_no_markup()
    {
        Assert.Equal(string.Empty, PromoMarkup.ToHtml("  \n\n  "));
    }
}

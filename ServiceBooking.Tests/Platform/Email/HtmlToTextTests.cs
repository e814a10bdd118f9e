using ServiceBooking.Web.Platform.Email;

namespace ServiceBooking.Tests.Platform.Email;

public class HtmlToTextTests
{
    [Fact]
    public void Link_BecomesLabelColonHref()
    {
        var text = HtmlToText.Convert("<p>Откройте <a href=\"https://example.ru/confirm?id=1\">страницу подтверждения</a></p>");

        Assert.Equal("Откройте страницу подтверждения: https://example.ru/confirm?id=1\n", text);
    }

    [Fact]
    public void Link_WhoseLabelIsItsHref_BecomesBareHref()
    {
        var text = HtmlToText.Convert("<p><a href=\"https://example.ru/confirm\">https://example.ru/confirm</a></p>");

        Assert.Equal("https://example.ru/confirm\n", text);
    }

    [Fact]
    public void Link_WhoseLabelIsItsHrefAfterDecoding_BecomesBareHref()
    {
        var text = HtmlToText.Convert(
            "<a href=\"https://example.ru/c?user=1&amp;code=abc\">https://example.ru/c?user=1&amp;code=abc</a>");

        Assert.Equal("https://example.ru/c?user=1&code=abc\n", text);
    }

    [Theory]
    [InlineData("<a href=\"https://example.ru/\"></a>")]
    [InlineData("<a href=\"https://example.ru/\">   </a>")]
    [InlineData("<a href=\"https://example.ru/\"><img src=\"logo.png\" alt=\"\"></a>")]
    public void Link_WithoutLabel_BecomesBareHref(string html)
    {
        Assert.Equal("https://example.ru/\n", HtmlToText.Convert(html));
    }

    [Fact]
    public void Link_KeepsOtherAttributesOutOfTheText()
    {
        var text = HtmlToText.Convert(
            "<a data-testid=\"email-action\" href=\"https://example.ru/reset\" style=\"color:#fff;\">Сбросить пароль</a>");

        Assert.Equal("Сбросить пароль: https://example.ru/reset\n", text);
    }

    [Fact]
    public void Link_LabelLosesItsTagsAndSpaces()
    {
        var text = HtmlToText.Convert("<a href=\"https://example.ru/\">  <b>Записаться</b> <i>онлайн</i>  </a>");

        Assert.Equal("Записаться онлайн: https://example.ru/\n", text);
    }

    [Fact]
    public void Link_HrefAndLabelEntitiesAreDecoded()
    {
        var text = HtmlToText.Convert("<a href=\"https://example.ru/?a=1&amp;b=2\">Шиномонтаж &amp; мойка</a>");

        Assert.Equal("Шиномонтаж & мойка: https://example.ru/?a=1&b=2\n", text);
    }

    [Fact]
    public void Link_TagIsMatchedCaseInsensitively()
    {
        Assert.Equal("Войти: https://example.ru/login\n", HtmlToText.Convert("<A HREF=\"https://example.ru/login\">Войти</A>"));
    }

    [Fact]
    public void SeveralLinks_AreEachConverted()
    {
        var text = HtmlToText.Convert(
            "<p><a href=\"https://example.ru/a\">Первая</a> и <a href=\"https://example.ru/b\">вторая</a></p>");

        Assert.Equal("Первая: https://example.ru/a и вторая: https://example.ru/b\n", text);
    }

    [Theory]
    [InlineData("<br>")]
    [InlineData("<br/>")]
    [InlineData("<br />")]
    [InlineData("<BR>")]
    [InlineData("<br   />")]
    public void LineBreak_BecomesNewLine(string br)
    {
        Assert.Equal("Строка 1\nСтрока 2\n", HtmlToText.Convert($"Строка 1{br}Строка 2"));
    }

    [Theory]
    [InlineData("p")]
    [InlineData("div")]
    [InlineData("h1")]
    [InlineData("h2")]
    [InlineData("h3")]
    [InlineData("h4")]
    [InlineData("h5")]
    [InlineData("h6")]
    [InlineData("section")]
    [InlineData("header")]
    [InlineData("footer")]
    [InlineData("P")]
    public void BlockEnd_SeparatesBlocksWithOneBlankLine(string tag)
    {
        var text = HtmlToText.Convert($"<{tag}>Первый</{tag}><{tag} class=\"x\">Второй</{tag}>");

        Assert.Equal("Первый\n\nВторой\n", text);
    }

    [Fact]
    public void TableRowEnds_BecomeBreaks()
    {
        var text = HtmlToText.Convert("<table><tr><td>Дата</td></tr><tr><td>Время</td></tr></table><p>Ждём вас</p>");

        Assert.Equal("Дата\n\nВремя\n\nЖдём вас\n", text);
    }

    [Fact]
    public void ListItems_BecomeDashedLines()
    {
        var text = HtmlToText.Convert("<ul><li>Замена масла</li><li class=\"x\">Замена фильтра</li></ul>");

        Assert.Equal("- Замена масла\n- Замена фильтра\n", text);
    }

    [Fact]
    public void List_IsSeparatedFromSurroundingParagraphsByOneBlankLine()
    {
        var text = HtmlToText.Convert("<p>Работы:</p><ol><li>Диагностика</li><li>Ремонт</li></ol><p>Итого: 5000 ₽</p>");

        Assert.Equal("Работы:\n\n- Диагностика\n- Ремонт\n\nИтого: 5000 ₽\n", text);
    }

    [Fact]
    public void ListItem_WithLink_KeepsTheAddress()
    {
        var text = HtmlToText.Convert("<ul><li><a href=\"https://example.ru/price\">Цены</a></li></ul>");

        Assert.Equal("- Цены: https://example.ru/price\n", text);
    }

    [Fact]
    public void Head_IsRemovedWithEverythingInIt()
    {
        var html = "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\" /><title>Подтверждение</title>"
            + "<style>p { color: red; }</style></head><body><p>Текст письма</p></body></html>";

        Assert.Equal("Текст письма\n", HtmlToText.Convert(html));
    }

    [Fact]
    public void StyleAndTitle_AreRemovedWhereverTheyAre()
    {
        var html = "<title>Заголовок окна</title><style type=\"text/css\">\n.btn { color: #fff; }\n</style><p>Текст</p>";

        Assert.Equal("Текст\n", HtmlToText.Convert(html));
    }

    [Fact]
    public void HeadRemoval_IsCaseInsensitiveAndSpansLines()
    {
        var html = "<HEAD>\n<TITLE>x</TITLE>\n<META charset=\"utf-8\">\n</HEAD>\n<P>Текст</P>";

        Assert.Equal("Текст\n", HtmlToText.Convert(html));
    }

    [Theory]
    [InlineData("Шиномонтаж &amp; мойка", "Шиномонтаж & мойка")]
    [InlineData("&laquo;Автосервис&raquo;", "«Автосервис»")]
    [InlineData("a &lt; b &gt; c", "a < b > c")]
    [InlineData("&quot;Кавычки&quot; и &#39;апостроф&#39;", "\"Кавычки\" и 'апостроф'")]
    [InlineData("10 &mdash; 12", "10 — 12")]
    [InlineData("&#x41F;&#x440;&#x438;&#x432;&#x435;&#x442;", "Привет")]
    [InlineData("&#1055;&#1088;&#1080;&#1074;&#1077;&#1090;", "Привет")]
    public void Entities_AreDecoded(string html, string expected)
    {
        Assert.Equal(expected + "\n", HtmlToText.Convert($"<p>{html}</p>"));
    }

    [Fact]
    public void EncodedMarkup_StaysAsText()
    {
        Assert.Equal("Напишите <b>жирно</b>\n", HtmlToText.Convert("<p>Напишите &lt;b&gt;жирно&lt;/b&gt;</p>"));
    }

    [Fact]
    public void InlineTags_AreRemoved()
    {
        var text = HtmlToText.Convert("<p>Здравствуйте, <strong>Иван</strong> <span style=\"color:red\">Иванович</span>!</p>");

        Assert.Equal("Здравствуйте, Иван Иванович!\n", text);
    }

    [Fact]
    public void Spaces_AreCollapsedAndLinesTrimmed()
    {
        var text = HtmlToText.Convert("<p>   Ваша \t  запись   подтверждена   </p>\r\n   <p>\tДо встречи!  </p>");

        Assert.Equal("Ваша запись подтверждена\n\nДо встречи!\n", text);
    }

    [Fact]
    public void IndentedMarkup_LeavesNoIndentation()
    {
        var html = "<div>\n    <h1>Подтвердите адрес</h1>\n    <p>Здравствуйте!</p>\n</div>\n";

        Assert.Equal("Подтвердите адрес\n\nЗдравствуйте!\n", HtmlToText.Convert(html));
    }

    [Fact]
    public void BlankLines_AreNeverMoreThanOneInARow()
    {
        var html = "<p>Первый</p><br><br><br><div></div><p></p>\n\n\n<p>Второй</p><br><br>Третий";

        var text = HtmlToText.Convert(html);

        Assert.Equal("Первый\n\nВторой\n\nТретий\n", text);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadingBreaks_AreDropped()
    {
        Assert.Equal("Текст\n", HtmlToText.Convert("<br><br>\n\n<p></p>Текст"));
    }

    [Theory]
    [InlineData("Текст")]
    [InlineData("<p>Текст</p>")]
    [InlineData("<p>Текст</p></div></footer>\n\n\n")]
    [InlineData("<p>Текст<br><br><br></p>")]
    public void Output_EndsWithExactlyOneNewLine(string html)
    {
        Assert.Equal("Текст\n", HtmlToText.Convert(html));
    }

    [Fact]
    public void EmailLikeOurTemplates_BecomesReadablePlainText()
    {
        const string Html = """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>Подтверждение регистрации</title>
            </head>
            <body style="margin:0;padding:0;">
                <div style="max-width:560px;margin:0 auto;padding:24px;">
                    <div style="font-size:20px;font-weight:bold;">Автосервис &laquo;Гараж&raquo;</div>
                    <div style="background:#ffffff;padding:24px;">
                        <h1 style="font-size:20px;">Подтверждение регистрации</h1>
                        <p>Здравствуйте, Иван Иванович!</p>
                        <p>Вы зарегистрировались под именем ivan_petrov.</p>
                        <p style="margin:24px 0;">
                            <a href="https://example.ru/confirm?userId=42&amp;code=Q1w2" data-testid="email-action" style="display:inline-block;">Подтвердить</a>
                        </p>
                        <p style="font-size:12px;">Если кнопка не работает, откройте ссылку: <a href="https://example.ru/confirm?userId=42&amp;code=Q1w2">https://example.ru/confirm?userId=42&amp;code=Q1w2</a></p>
                        <p>Если вы не регистрировались, просто удалите это письмо.</p>
                    </div>
                    <p style="font-size:12px;">Письмо отправлено автоматически, отвечать на него не нужно.</p>
                </div>
            </body>
            </html>
            """;

        const string Expected = """
            Автосервис «Гараж»

            Подтверждение регистрации

            Здравствуйте, Иван Иванович!

            Вы зарегистрировались под именем ivan_petrov.

            Подтвердить: https://example.ru/confirm?userId=42&code=Q1w2

            Если кнопка не работает, откройте ссылку: https://example.ru/confirm?userId=42&code=Q1w2

            Если вы не регистрировались, просто удалите это письмо.

            Письмо отправлено автоматически, отвечать на него не нужно.

            """;

        Assert.Equal(Expected.ReplaceLineEndings("\n"), HtmlToText.Convert(Html));
    }

    [Fact]
    public void Escaped_text_inside_a_link_is_decoded_once_not_taken_for_markup()
    {
        Assert.Equal("Use <tag> here: https://e.ru/\n", HtmlToText.Convert("<a href=\"https://e.ru/\">Use &lt;tag&gt; here</a>"));
        Assert.Equal("x &lt; y: https://e.ru/\n", HtmlToText.Convert("<a href=\"https://e.ru/\">x &amp;lt; y</a>"));
    }
}

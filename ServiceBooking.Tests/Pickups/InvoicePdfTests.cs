using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceBooking.Web;
using ServiceBooking.Web.Modules.Pickups.Invoices;
using UglyToad.PdfPig;

namespace ServiceBooking.Tests.Pickups;

/// <summary>
/// Issue 14: the pick-up invoice as a PDF, read back with PdfPig. Its text is what a client reads (Cyrillic included,
/// which proves the embedded font maps it), in their language, and long text stays on the page.
/// </summary>
public sealed class InvoicePdfTests
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly CompanyOptions Company = new()
    {
        LegalName = "ООО «Тестовый Автосервис»",
        TaxId = "7709876543",
        Kpp = "770901001",
        Address = "г. Москва, ул. Испытателей, д. 5",
        Phone = "+7 (495) 111-22-33",
        Email = "buh@test-service.local",
        BankName = "АО «Проверочный Банк»",
        Bik = "044525999",
        Account = "40702810900000012345",
        CorrespondentAccount = "30101810400000000999",
    };

    /// <summary>The site's own strings (Resources/SharedResource*.resx), as the site reads them.</summary>
    private static IStringLocalizer<SharedResource> Text()
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<SharedResource>(factory);
    }

    private static InvoicePdf Pdf() => new(Options.Create(Company), Text());

    private static InvoiceDocument Invoice(string address = "Москва, Ленинский проспект, д. 32, подъезд 2", params InvoiceLine[] lines) => new(
        "ПВ-000123",
        new DateOnly(2026, 11, 24),
        "Пётр Семёнович Жуков",
        "+7 916 555-44-33",
        "zhukov@example.ru",
        "Kia Rio, А123ВС 777",
        address,
        lines.Length > 0 ? lines : [new InvoiceLine("Забор автомобиля водителем", 1000m), new InvoiceLine("Мойка кузова перед выдачей", 234.5m)]);

    /// <summary>The text of each line of each page, top to bottom, words left to right, spaces (non-breaking too) as " ".</summary>
    private static List<string> Lines(PdfDocument document) =>
        document.GetPages()
            .SelectMany(page => page.GetWords()
                .GroupBy(word => Math.Round(word.Letters[0].StartBaseLine.Y))
                .OrderByDescending(line => line.Key)
                .Select(line => Normal(string.Join(" ", line.OrderBy(word => word.BoundingBox.Left).Select(word => word.Text)))))
            .ToList();

    private static string Normal(string text) =>
        string.Join(" ", text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static void AssertLine(IEnumerable<string> lines, string expected) =>
        Assert.True(lines.Any(line => line.Contains(expected, StringComparison.Ordinal)),
            $"No line has “{expected}”. The lines:\n{string.Join("\n", lines)}");

    [Fact]
    public void The_Russian_invoice_reads_its_number_date_parties_car_address_lines_and_total()
    {
        var bytes = Pdf().Render(Invoice(), Russian);

        using var document = PdfDocument.Open(bytes);
        var lines = Lines(document);
        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal("Счёт № ПВ-000123 от 24.11.2026", document.Information.Title);
        Assert.Equal("Счёт № ПВ-000123 от 24.11.2026", lines[0]);
        foreach (var expected in new[]
                 {
                     "Поставщик", "ООО «Тестовый Автосервис»", "ИНН 7709876543, КПП 770901001", "Адрес: г. Москва, ул. Испытателей, д. 5",
                     "Телефон: +7 (495) 111-22-33", "Эл. почта: buh@test-service.local", "Банк: АО «Проверочный Банк»", "БИК: 044525999",
                     "Расчётный счёт: 40702810900000012345", "Корр. счёт: 30101810400000000999",
                     "Плательщик", "Пётр Семёнович Жуков", "Телефон: +7 916 555-44-33", "Эл. почта: zhukov@example.ru",
                     "Автомобиль: Kia Rio, А123ВС 777", "Адрес забора автомобиля: Москва, Ленинский проспект, д. 32, подъезд 2",
                     "№ Наименование Сумма",
                     "1 Забор автомобиля водителем 1 000,00 ₽",
                     "2 Мойка кузова перед выдачей 234,50 ₽",
                     "Итого 1 234,50 ₽",
                     "Итого к оплате: 1 234,50 ₽",
                 })
        {
            AssertLine(lines, expected);
        }

        // Every glyph is drawn with the embedded DejaVu Sans (regular or bold), none with a system font.
        Assert.All(document.GetPage(1).Letters, letter => Assert.Contains("+DejaVu Sans", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void The_English_invoice_has_English_labels_and_English_amounts()
    {
        var bytes = Pdf().Render(Invoice(), English);

        using var document = PdfDocument.Open(bytes);
        var lines = Lines(document);
        Assert.Equal("Invoice No. ПВ-000123 of 24.11.2026", document.Information.Title);
        foreach (var expected in new[]
                 {
                     "Invoice No. ПВ-000123 of 24.11.2026", "Supplier", "TIN (INN) 7709876543, KPP 770901001", "Payer", "Car: Kia Rio, А123ВС 777",
                     "Collected from: Москва, Ленинский проспект, д. 32, подъезд 2", "No. Description Amount",
                     "1 Забор автомобиля водителем 1,000.00 ₽", "Total 1,234.50 ₽", "Total due: 1,234.50 ₽",
                 })
        {
            AssertLine(lines, expected);
        }

        Assert.DoesNotContain(lines, line => line.Contains("Итого", StringComparison.Ordinal) || line.Contains("Поставщик", StringComparison.Ordinal));
    }

    [Fact]
    public void A_very_long_address_and_description_wrap_inside_the_page()
    {
        const string address = "Московская область, городской округ Красногорск, посёлок Нахабино, улица Институтская, дом 15, корпус 3, " +
            "строение 1, подъезд 4, этаж 12, квартира 148, въезд со двора через арку, шлагбаум открывает охрана по звонку водителя";
        var longWord = new string('Щ', 150);
        var bytes = Pdf().Render(Invoice(address,
            new InvoiceLine("Забор автомобиля из-за пределов МКАД с ожиданием клиента, погрузкой на эвакуатор и доставкой в сервисный центр " +
                "в нерабочее время по просьбе клиента, согласованной с менеджером", 4500m),
            new InvoiceLine(longWord, 1m)), Russian);

        using var document = PdfDocument.Open(bytes);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        Assert.All(words, word => Assert.True(word.BoundingBox.Left >= 0 && word.BoundingBox.Right <= page.Width,
            $"“{word.Text}” runs from {word.BoundingBox.Left} to {word.BoundingBox.Right} on a page {page.Width} wide"));

        // The address, label included, reads whole across its lines, and it did take more than one line.
        var text = string.Join(" ", Lines(document));
        Assert.Contains("Адрес забора автомобиля: " + address, text, StringComparison.Ordinal);
        var addressLines = words.Where(word => address.Contains(word.Text, StringComparison.Ordinal) && word.Text.Length > 3)
            .Select(word => Math.Round(word.Letters[0].StartBaseLine.Y)).Distinct().Count();
        Assert.True(addressLines > 1, $"The address took {addressLines} line(s)");
        Assert.Contains("4 500,00 ₽", text, StringComparison.Ordinal);
        Assert.Contains("Итого к оплате: 4 501,00 ₽", text, StringComparison.Ordinal);
        // The word wider than its column is cut into pieces, every letter of it kept.
        Assert.Equal(150, page.Letters.Count(letter => letter.Value == "Щ"));
    }

    [Fact]
    public async Task One_renderer_draws_invoices_in_both_languages_at_once()
    {
        var pdf = Pdf();
        var rendered = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            var culture = i % 2 == 0 ? Russian : English;
            using var document = PdfDocument.Open(pdf.Render(Invoice() with { Number = $"ПВ-{i}" }, culture));
            return (Index: i, Lines: Lines(document));
        })));

        Assert.All(rendered, result =>
        {
            AssertLine(result.Lines, result.Index % 2 == 0 ? $"Счёт № ПВ-{result.Index} от 24.11.2026" : $"Invoice No. ПВ-{result.Index} of 24.11.2026");
            AssertLine(result.Lines, result.Index % 2 == 0 ? "Итого к оплате: 1 234,50 ₽" : "Total due: 1,234.50 ₽");
        });
    }

    [Fact]
    public void The_site_s_settings_give_the_invoice_its_company_and_the_pdf_is_one_for_the_site()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        while (here is not null && !File.Exists(Path.Combine(here.FullName, "ServiceBooking.sln")))
        {
            here = here.Parent;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(here!.FullName, "ServiceBooking.Web", "appsettings.json"))
            .Build();
        var services = new ServiceCollection().AddLogging().AddLocalization(options => options.ResourcesPath = "Resources")
            .AddInvoices(configuration);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var company = provider.GetRequiredService<IOptions<CompanyOptions>>().Value;
        Assert.All(new[] { company.LegalName, company.TaxId, company.Address, company.BankName, company.Bik, company.Account, company.CorrespondentAccount },
            value => Assert.False(string.IsNullOrWhiteSpace(value)));
        Assert.Same(provider.GetRequiredService<InvoicePdf>(), provider.GetRequiredService<InvoicePdf>());

        using var document = PdfDocument.Open(provider.GetRequiredService<InvoicePdf>().Render(Invoice(), Russian));
        var lines = Lines(document);
        AssertLine(lines, company.LegalName);
        AssertLine(lines, "ИНН " + company.TaxId);
        AssertLine(lines, "БИК: " + company.Bik);
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Pickups.Invoices;

/// <summary>
/// The pick-up invoice as a PDF (A4, PDFsharp, DejaVu Sans from <see cref="InvoiceFonts"/>): the title with the number
/// and date, the supplier (<see cref="CompanyOptions"/>: legal name, ИНН/КПП, address, phone, email, bank details), the
/// payer, the car and the address it was collected from, the table of lines (№, description, sum), the total and the sum
/// due. Labels are the <c>Invoice.*</c> strings in the given culture, and amounts read as there ("1 234,50 ₽"). Long
/// text wraps within its column; a table too long for a page goes on to the next, its header repeated.
/// </summary>
public sealed class InvoicePdf(IOptions<CompanyOptions> company, IStringLocalizer<SharedResource> text)
{
    private const double Margin = 50;
    private const double Gap = 10;
    private const double CellPadding = 4;
    private const double NumberColumn = 32;
    private const double AmountColumn = 110;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public byte[] Render(InvoiceDocument invoice, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(culture);
        InvoiceFonts.Register();

        using (new CultureScope(culture))
        {
            var details = company.Value;
            var title = text["Invoice.Title", invoice.Number, invoice.Date.Day()].Value;

            using var document = new PdfDocument();
            document.Info.Title = title;
            if (details.LegalName.Length > 0)
            {
                document.Info.Author = details.LegalName;
            }

            using (var sheet = new Sheet(document))
            {
                sheet.Paragraph(title, sheet.Title);
                sheet.Space(Gap);

                sheet.Paragraph(text["Invoice.Supplier"], sheet.Bold);
                sheet.Paragraph(details.LegalName, sheet.Bold);
                sheet.Paragraph(TaxIds(details));
                sheet.Paragraph(Labelled("Invoice.Address", details.Address));
                sheet.Paragraph(Labelled("Invoice.Phone", details.Phone));
                sheet.Paragraph(Labelled("Invoice.Email", details.Email));
                sheet.Paragraph(Labelled("Invoice.Bank", details.BankName));
                sheet.Paragraph(Labelled("Invoice.Bik", details.Bik));
                sheet.Paragraph(Labelled("Invoice.Account", details.Account));
                sheet.Paragraph(Labelled("Invoice.CorrespondentAccount", details.CorrespondentAccount));
                sheet.Space(Gap);

                sheet.Paragraph(text["Invoice.Payer"], sheet.Bold);
                sheet.Paragraph(invoice.ClientName, sheet.Bold);
                sheet.Paragraph(Labelled("Invoice.Phone", invoice.ClientPhone));
                sheet.Paragraph(Labelled("Invoice.Email", invoice.ClientEmail));
                sheet.Space(Gap);

                sheet.Paragraph(Labelled("Invoice.Car", invoice.Car));
                sheet.Paragraph(Labelled("Invoice.PickupAddress", invoice.Address));
                sheet.Space(Gap);

                sheet.Table(
                    (text["Invoice.Column.Number"], text["Invoice.Column.Description"], text["Invoice.Column.Amount"]),
                    invoice.Lines.Select((line, i) => ((i + 1).ToString(CultureInfo.CurrentCulture), line.Description, line.Amount.Roubles())).ToList(),
                    (text["Invoice.Total"], invoice.Total.Roubles()));
                sheet.Space(Gap);
                sheet.Paragraph(text["Invoice.TotalDue", invoice.Total.Roubles()], sheet.Bold);
            }

            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        }
    }

    /// <summary>"Label: value" in the current culture, or nothing for a value left empty.</summary>
    private string? Labelled(string key, string? value) => string.IsNullOrWhiteSpace(value) ? null : text[key, value.Trim()].Value;

    /// <summary>"ИНН …, КПП …", "ИНН …" without a КПП, nothing without an ИНН.</summary>
    private string? TaxIds(CompanyOptions details) => details.TaxId.Length == 0 ? null
        : details.Kpp.Length == 0 ? text["Invoice.TaxId", details.TaxId].Value
        : text["Invoice.TaxIdAndKpp", details.TaxId, details.Kpp].Value;

    /// <summary>The pages being drawn: a cursor running down from the top margin, and a new page when one is full.</summary>
    private sealed class Sheet : IDisposable
    {
        private readonly PdfDocument _document;
        private XGraphics _graphics = null!;
        private double _top;
        private double _width;
        private double _bottom;
        private double _y;

        public Sheet(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public XFont Title { get; } = new(InvoiceFonts.Family, 15, XFontStyleEx.Bold, Unicode);

        public XFont Bold { get; } = new(InvoiceFonts.Family, 10, XFontStyleEx.Bold, Unicode);

        public XFont Regular { get; } = new(InvoiceFonts.Family, 10, XFontStyleEx.Regular, Unicode);

        public void Space(double height) => _y += height;

        /// <summary>Text across the page, wrapped; nothing for null or empty text.</summary>
        public void Paragraph(string? value, XFont? font = null)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            font ??= Regular;
            var height = font.GetHeight();
            foreach (var line in Wrap(value, font, _width))
            {
                Fit(height);
                _graphics.DrawString(line, font, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
                _y += height;
            }
        }

        /// <summary>The lines' table: № | description (wrapped) | amount (right-aligned), then the total row.</summary>
        public void Table((string Number, string Description, string Amount) header,
            IReadOnlyList<(string Number, string Description, string Amount)> rows, (string Label, string Amount) total)
        {
            var descriptionWidth = _width - NumberColumn - AmountColumn;
            Header();
            foreach (var row in rows)
            {
                var lines = Wrap(row.Description, Regular, descriptionWidth - 2 * CellPadding);
                var height = lines.Count * Regular.GetHeight() + 2 * CellPadding;
                if (Fit(height))
                {
                    Header();
                }

                Cell(Margin, NumberColumn, height, [row.Number], Regular, XStringFormats.TopLeft);
                Cell(Margin + NumberColumn, descriptionWidth, height, lines, Regular, XStringFormats.TopLeft);
                Cell(Margin + NumberColumn + descriptionWidth, AmountColumn, height, [row.Amount], Regular, XStringFormats.TopRight);
                _y += height;
            }

            var totalHeight = Bold.GetHeight() + 2 * CellPadding;
            Fit(totalHeight);
            Cell(Margin, NumberColumn + descriptionWidth, totalHeight, [total.Label], Bold, XStringFormats.TopRight);
            Cell(Margin + NumberColumn + descriptionWidth, AmountColumn, totalHeight, [total.Amount], Bold, XStringFormats.TopRight);
            _y += totalHeight;

            void Header()
            {
                var height = Bold.GetHeight() + 2 * CellPadding;
                Fit(height);
                _graphics.DrawRectangle(XBrushes.Gainsboro, Margin, _y, _width, height);
                Cell(Margin, NumberColumn, height, [header.Number], Bold, XStringFormats.TopLeft);
                Cell(Margin + NumberColumn, descriptionWidth, height, [header.Description], Bold, XStringFormats.TopLeft);
                Cell(Margin + NumberColumn + descriptionWidth, AmountColumn, height, [header.Amount], Bold, XStringFormats.TopRight);
                _y += height;
            }
        }

        public void Dispose() => _graphics.Dispose();

        private void Cell(double x, double width, double height, IReadOnlyList<string> lines, XFont font, XStringFormat format)
        {
            _graphics.DrawRectangle(XPens.Black, x, _y, width, height);
            var lineHeight = font.GetHeight();
            for (var i = 0; i < lines.Count; i++)
            {
                var box = new XRect(x + CellPadding, _y + CellPadding + i * lineHeight, width - 2 * CellPadding, lineHeight);
                _graphics.DrawString(lines[i], font, XBrushes.Black, box, format);
            }
        }

        /// <summary>Starts a new page when <paramref name="height"/> more would not fit on this one; true if it did.</summary>
        private bool Fit(double height)
        {
            if (_y + height <= _bottom || _y <= _top)
            {
                return false;
            }

            NewPage();
            return true;
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = _document.AddPage();
            page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _top = Margin;
            _width = page.Width.Point - 2 * Margin;
            _bottom = page.Height.Point - Margin;
            _y = _top;
        }

        /// <summary>
        /// Breaks text into lines no wider than <paramref name="width"/>: at spaces (a non-breaking space holds "1 234,50"
        /// together) and at line breaks; a word wider than a line is cut where it must be.
        /// </summary>
        private List<string> Wrap(string value, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in value.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Measure(candidate, font) <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    line = word;
                    while (Measure(line, font) > width)
                    {
                        var fits = 1;
                        while (fits < line.Length && Measure(line[..(fits + 1)], font) <= width)
                        {
                            fits++;
                        }

                        lines.Add(line[..fits]);
                        line = line[fits..];
                    }
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }
            }

            return lines;
        }

        private double Measure(string value, XFont font) => _graphics.MeasureString(value, font).Width;
    }
}

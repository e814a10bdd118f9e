namespace ServiceBooking.Web.Modules.Pickups.Invoices;

/// <summary>One line of an invoice: what is charged and how much, in roubles.</summary>
public sealed record InvoiceLine(string Description, decimal Amount);

/// <summary>
/// What a pick-up invoice says (rendered by <see cref="InvoicePdf"/>): its number and date, the payer, the car collected,
/// the address it was collected from and the lines charged. The total is the sum of the lines.
/// </summary>
public sealed record InvoiceDocument(
    string Number,
    DateOnly Date,
    string ClientName,
    string? ClientPhone,
    string? ClientEmail,
    string Car,
    string Address,
    IReadOnlyList<InvoiceLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

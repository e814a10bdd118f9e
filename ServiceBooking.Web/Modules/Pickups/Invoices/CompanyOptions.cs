namespace ServiceBooking.Web.Modules.Pickups.Invoices;

/// <summary>
/// Configuration section <c>Company</c>: the service centre's legal details printed on its invoices (the supplier's block
/// of <see cref="InvoicePdf"/>). A detail left empty is not printed.
/// </summary>
public sealed class CompanyOptions
{
    public const string Section = "Company";

    /// <summary>The legal name, e.g. ООО «Сервис Букинг».</summary>
    public string LegalName { get; set; } = string.Empty;

    /// <summary>ИНН: 10 digits for a company, 12 for a sole trader.</summary>
    public string TaxId { get; set; } = string.Empty;

    /// <summary>КПП: a company's; a sole trader has none.</summary>
    public string Kpp { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string BankName { get; set; } = string.Empty;

    /// <summary>БИК of the bank.</summary>
    public string Bik { get; set; } = string.Empty;

    /// <summary>Расчётный счёт: the company's account at the bank.</summary>
    public string Account { get; set; } = string.Empty;

    /// <summary>Корреспондентский счёт: the bank's account at the Bank of Russia.</summary>
    public string CorrespondentAccount { get; set; } = string.Empty;
}

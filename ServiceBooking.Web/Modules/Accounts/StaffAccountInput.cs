using System.ComponentModel.DataAnnotations;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>
/// The fields of a staff account's form (work orders' staff, drivers), validated as the registration's: the nickname
/// and email only count when creating; each form adds what its module keeps (a kind, the districts).
/// </summary>
public class StaffAccountInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Nickname]
    [Display(Name = "Field.Nickname")]
    public string Nickname { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [Email]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [NamePart("LastName")]
    [Display(Name = "Field.LastName")]
    public string LastName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [NamePart("FirstName")]
    [Display(Name = "Field.FirstName")]
    public string FirstName { get; set; } = string.Empty;

    [NamePart("Patronymic")]
    [Display(Name = "Field.Patronymic")]
    public string? Patronymic { get; set; }

    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }

    /// <summary>Shows a stored account in the form: its nickname, email, name and phone (as people write it).</summary>
    public void Show(string nickname, string? email, (string Last, string First, string? Patronymic) name, string? phone)
    {
        (Nickname, Email) = (nickname, email ?? string.Empty);
        (LastName, FirstName, Patronymic) = name;
        Phone = phone is null ? null : Phones.Display(phone);
    }

    public StaffAccountDraft ToDraft() => new(Nickname, Email, LastName, FirstName, Patronymic, Phone);
}

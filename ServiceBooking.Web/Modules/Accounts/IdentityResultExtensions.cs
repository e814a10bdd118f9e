using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ServiceBooking.Web.Modules.Accounts;

public static class IdentityResultExtensions
{
    /// <summary>
    /// Puts each Identity error next to the field it is about. <paramref name="fields"/> maps the kind of error
    /// ("UserName", "Email", "Password", "CurrentPassword") to a form field; the rest go to the form as a whole.
    /// </summary>
    public static void AddTo(this IdentityResult result, ModelStateDictionary modelState, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var error in result.Errors)
        {
            var kind = error.Code switch
            {
                "DuplicateUserName" or "InvalidUserName" => "UserName",
                "DuplicateEmail" or "InvalidEmail" => "Email",
                "PasswordMismatch" => "CurrentPassword",
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "Password",
                _ => string.Empty,
            };
            var key = fields.TryGetValue(kind, out var field) ? field : string.Empty;
            if (!modelState.TryGetValue(key, out var entry) || entry.Errors.All(e => e.ErrorMessage != error.Description))
            {
                modelState.AddModelError(key, error.Description);
            }
        }
    }

    /// <summary>Runs Identity's password rules without saving anything, so their messages can join the other fields' messages.</summary>
    public static async Task<IdentityResult> ValidatePasswordRulesAsync<TUser>(this UserManager<TUser> users, TUser? user, string password)
        where TUser : class
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user!, password);
            errors.AddRange(result.Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}

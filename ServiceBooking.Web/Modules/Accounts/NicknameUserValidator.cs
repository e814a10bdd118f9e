using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Accounts;

/// <summary>Applies the Domain's nickname and email rules to every account Identity saves, whatever page or command saves it.</summary>
public sealed class NicknameUserValidator(IStringLocalizer<SharedResource> text) : IUserValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var errors = new List<IdentityError>();
        Check(() => Nickname.Parse(user.UserName), "InvalidUserName", errors);
        Check(() => EmailAddress.Parse(user.Email), "InvalidEmail", errors);
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private void Check(Action rule, string code, List<IdentityError> errors)
    {
        try
        {
            rule();
        }
        catch (DomainException error)
        {
            errors.Add(new IdentityError { Code = code, Description = text.Message(error) });
        }
    }
}

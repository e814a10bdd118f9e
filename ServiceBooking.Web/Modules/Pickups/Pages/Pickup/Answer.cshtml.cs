using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Pickup;

/// <summary>
/// The proposal email's links, without signing in (the signed token names the request and the proposal): the page shows
/// the proposal with one button for the answer the link was for, and the button answers. Links are opened by mail
/// scanners and previews too, so opening one changes nothing; the press does. A link to an earlier proposal, or to one
/// already answered, says so; a forged or cut link is a 404.
/// </summary>
public sealed class Answer(AnswerTokens tokens, PickupRequests requests, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    /// <summary>"agree" or "decline", as the link said.</summary>
    [FromQuery(Name = "answer")]
    public string? Choice { get; set; }

    public bool Agree => string.Equals(Choice, "agree", StringComparison.OrdinalIgnoreCase);

    public PickupRow? Pickup { get; private set; }

    /// <summary>What became of the answer, or why it cannot be given.</summary>
    public string? Outcome { get; private set; }

    public bool Answered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tokens.Read(Token) is not { } ticket || Choice is not ("agree" or "decline"))
        {
            return NotFound();
        }

        Pickup = await requests.ProposalAsync(ticket, cancellationToken);
        if (Pickup is null)
        {
            Outcome = text["Domain.Pickup.ProposalChanged"];
        }
        else if (Pickup.Status != ServiceBooking.Domain.Pickups.PickupStatus.AwaitingClient)
        {
            Outcome = text["Pickup.AlreadyAnswered"];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (tokens.Read(Token) is not { } ticket || Choice is not ("agree" or "decline"))
        {
            return NotFound();
        }

        switch (await requests.AnswerAsync(ticket, Agree, cancellationToken))
        {
            case PickupChange.NotFound:
                return NotFound();
            case PickupChange.Refused refused:
                Outcome = text.Message(refused.Error);
                break;
            default:
                Outcome = text[Agree ? "Pickup.Agreed" : "Pickup.Declined"];
                Answered = true;
                break;
        }

        Pickup = await requests.ProposalAsync(ticket, cancellationToken);
        return Page();
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Campaigns.Pages.Manager.Campaigns;

/// <summary>
/// Writing a campaign: subject and text with simple formatting and a preview; the audience (all clients, owners of
/// chosen models, chosen clients) with the number of recipients updated as it changes; sending queues it.
/// </summary>
public sealed class New(CampaignService campaigns, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Campaign.Subject"] = "Input.Subject",
        ["Campaign.Body"] = "Input.Body",
        ["Campaign.NoModels"] = "Input.ModelIds",
        ["Campaign.NoClients"] = "Input.ClientIds",
        ["Campaign.Audience"] = "Input.Audience",
    };

    /// <summary>Bound on GET too: the htmx fragments (count, chosen clients) read the form as it stands.</summary>
    [BindProperty(SupportsGet = true)]
    public CampaignInput Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Models { get; private set; } = [];

    public IReadOnlyList<ChosenClient> Chosen { get; private set; } = [];

    /// <summary>How many people the audience as it stands would reach.</summary>
    public int Count { get; private set; }

    private AudienceDraft Audience => new(Input.Audience, Input.ModelIds, Input.ClientIds);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>htmx: how many people the audience as chosen now would reach.</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken cancellationToken) =>
        Fragment("_Count", await campaigns.CountAsync(Audience, cancellationToken));

    /// <summary>htmx: clients matching a search, to add to the chosen ones.</summary>
    public async Task<IActionResult> OnGetClientsAsync(string? q, CancellationToken cancellationToken) =>
        Fragment("_Found", await campaigns.FindClientsAsync(q, Input.ClientIds, cancellationToken));

    /// <summary>htmx: the chosen clients after adding or removing one, with the new count.</summary>
    public async Task<IActionResult> OnGetChosenAsync(string? add, string? remove, CancellationToken cancellationToken)
    {
        var ids = Input.ClientIds.Where(id => id != remove).ToList();
        if (add is not null && !ids.Contains(add))
        {
            ids.Add(add);
        }

        Input.ClientIds = ids;
        Chosen = await campaigns.ChosenAsync(ids, cancellationToken);
        return Fragment("_Chosen", new ChosenView(Chosen, await campaigns.CountAsync(Audience, cancellationToken), WithCount: true));
    }

    /// <summary>htmx: the campaign as the first recipient would read it.</summary>
    public IActionResult OnPostPreview()
    {
        ModelState.Clear();
        return Fragment("_Preview", new PreviewView(Input.Subject ?? string.Empty, PromoMarkup.ToHtml(Input.Body ?? string.Empty)));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var campaign = await campaigns.CreateAsync(Input.Subject!, Input.Body!, Audience, users.GetUserId(User)!, cancellationToken);
                return RedirectToPage("Details", new { id = campaign.Id });
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, text, Fields);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Models = await campaigns.ModelsAsync(cancellationToken);
        Chosen = await campaigns.ChosenAsync(Input.ClientIds, cancellationToken);
        Count = await campaigns.CountAsync(Audience, cancellationToken);
    }

    private PartialViewResult Fragment(string name, object model)
    {
        Response.Headers.Vary = "HX-Request";
        return Partial(name, model);
    }

    public sealed class CampaignInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Subject")]
        public string? Subject { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.CampaignBody")]
        public string? Body { get; set; }

        [Display(Name = "Field.Audience")]
        public AudienceKind Audience { get; set; } = AudienceKind.AllClients;

        public List<int> ModelIds { get; set; } = [];

        public List<string> ClientIds { get; set; } = [];
    }
}

/// <summary>The chosen clients; as an htmx answer it also carries the new count (out of band).</summary>
public sealed record ChosenView(IReadOnlyList<ChosenClient> Clients, int Count, bool WithCount);

public sealed record PreviewView(string Subject, string BodyHtml);

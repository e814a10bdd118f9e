using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Modules.Campaigns;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Campaigns.Pages.Manager.Campaigns;

/// <summary>
/// Writing a campaign: subject and text with simple formatting and a preview; the audience (all clients, owners of
/// chosen models, chosen clients) with the number of recipients updated as it changes; sending queues it.
/// </summary>
public sealed class New(ApplicationDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
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

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>htmx: how many people the audience as chosen now would reach.</summary>
    public async Task<IActionResult> OnGetCountAsync(CancellationToken cancellationToken) =>
        Fragment("_Count", await CountAsync(cancellationToken));

    /// <summary>htmx: clients matching a search, to add to the chosen ones.</summary>
    public async Task<IActionResult> OnGetClientsAsync(string? q, CancellationToken cancellationToken)
    {
        var found = string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2
            ? []
            : await UserSearch.Filter(db.Users.AsNoTracking(), db.Cars, q)
                .Where(u => !Input.ClientIds.Contains(u.Id))
                .OrderBy(u => u.LastName).ThenBy(u => u.FirstName).Take(10)
                .Select(u => new ChosenClient(u.Id, u.LastName + " " + u.FirstName, u.Email, u.PromoOptOut))
                .ToListAsync(cancellationToken);
        return Fragment("_Found", found);
    }

    /// <summary>htmx: the chosen clients after adding or removing one, with the new count.</summary>
    public async Task<IActionResult> OnGetChosenAsync(string? add, string? remove, CancellationToken cancellationToken)
    {
        var ids = Input.ClientIds.Where(id => id != remove).ToList();
        if (add is not null && !ids.Contains(add))
        {
            ids.Add(add);
        }

        Input.ClientIds = ids;
        Chosen = await ChosenAsync(ids, cancellationToken);
        return Fragment("_Chosen", new ChosenView(Chosen, await CountAsync(cancellationToken), WithCount: true));
    }

    /// <summary>htmx: the campaign as the first recipient would read it.</summary>
    public IActionResult OnPostPreview()
    {
        ModelState.Clear();
        return Fragment("_Preview", new PreviewView(Input.Subject ?? string.Empty, PromoMarkup.ToHtml(Input.Body ?? string.Empty)));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var known = await db.Users.Where(u => Input.ClientIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        var activeModels = await db.CarModels.Where(m => Input.ModelIds.Contains(m.Id) && m.IsActive).Select(m => m.Id).ToListAsync(cancellationToken);
        Campaign campaign;
        try
        {
            campaign = Campaign.Create(Input.Subject!, Input.Body!, Input.Audience, activeModels, known, users.GetUserId(User)!, clock.GetUtcNow());
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Details", new { id = campaign.Id });
    }

    private async Task<int> CountAsync(CancellationToken cancellationToken) =>
        await CampaignAudience.Query(db, Input.Audience, Input.ModelIds, Input.ClientIds).CountAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Models = (await db.CarModels.AsNoTracking().Where(m => m.IsActive).OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.Name)).ToList();
        Chosen = await ChosenAsync(Input.ClientIds, cancellationToken);
        Count = await CountAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<ChosenClient>> ChosenAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .Select(u => new ChosenClient(u.Id, u.LastName + " " + u.FirstName, u.Email, u.PromoOptOut))
            .ToListAsync(cancellationToken);

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

public sealed record ChosenClient(string Id, string Name, string? Email, bool OptedOut);

/// <summary>The chosen clients; as an htmx answer it also carries the new count (out of band).</summary>
public sealed record ChosenView(IReadOnlyList<ChosenClient> Clients, int Count, bool WithCount);

public sealed record PreviewView(string Subject, string BodyHtml);

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>
/// A list of the Admin's with a Toggle and a Delete button on every row (oils, engines, service advisors): switches an
/// entry on or off, and deletes one nothing uses or deactivates it, with a status message that says which. The page
/// says its messages and, when it has a filter, what to come back to.
/// </summary>
public abstract class AdminListPage<TEntry>(AdminEntries<TEntry> entries, IStringLocalizer<SharedResource> text) : PageModel
    where TEntry : Entity, IActivatable
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The site's strings, for the page's messages.</summary>
    protected IStringLocalizer<SharedResource> Text => text;

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        if (await entries.ToggleAsync(id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        StatusMessage = Toggled(entry);
        return RedirectToPage(BackTo);
    }

    /// <summary>Deletes an entry nothing uses; one still in use is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await entries.RemoveAsync(id, cancellationToken) is not { } removal)
        {
            return NotFound();
        }

        StatusMessage = removal.Outcome == Removal.Delete ? Deleted(removal.Entry) : InUse(removal.Entry, removal.Uses);
        return RedirectToPage(BackTo);
    }

    /// <summary>The route values the list is shown again with after a change (its filter); none by default.</summary>
    protected virtual object? BackTo => null;

    /// <summary>How the messages name the entry: "Shell Helix HX8 5W-30".</summary>
    protected abstract string NameOf(TEntry entry);

    /// <summary>The message after an entry was switched on or off.</summary>
    protected virtual string Toggled(TEntry entry) => text[entry.IsActive ? "Admin.Activated" : "Admin.Deactivated", NameOf(entry)];

    /// <summary>The message after an entry nothing used was deleted.</summary>
    protected virtual string Deleted(TEntry entry) => text["Admin.Deleted", NameOf(entry)];

    /// <summary>The message after an entry in use was deactivated instead of deleted: what uses it, and how much.</summary>
    protected abstract string InUse(TEntry entry, EntryUses uses);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>
/// An edit page of the Admin's (no id: a new entry): shows the entry in its form, or a 404 for an unknown id; on a post
/// checks what was typed, saves through <see cref="AdminEditor{TEntry, TDraft, TChoices}"/> and goes back to the list
/// with a status message, or shows the form again with the refusal next to its field and everything typed kept. The
/// page says its input and how it maps to the entry and to a draft, which field shows which rule, and its message.
/// </summary>
public abstract class AdminEditPage<TEntry, TDraft, TChoices, TInput>(
    AdminEditor<TEntry, TDraft, TChoices> editor, IStringLocalizer<SharedResource> text) : PageModel
    where TEntry : Entity, IActivatable
    where TInput : class, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    /// <summary>The entry as it is stored; null while creating one.</summary>
    public TEntry? Entry { get; private set; }

    /// <summary>What the form offers to choose from.</summary>
    public TChoices Choices { get; private set; } = default!;

    /// <summary>The site's strings, for the page's messages.</summary>
    protected IStringLocalizer<SharedResource> Text => text;

    /// <summary>
    /// Which form field shows a broken rule: the start of the rule's code ("Oil.Viscosity") and the field
    /// ("Input.Viscosity"); the longest match wins, no match means the top of the form.
    /// </summary>
    protected abstract IReadOnlyDictionary<string, string> Fields { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await OpenAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Entry is { } entry)
        {
            Input = ToInput(entry);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ReadInput();
        if (!ModelState.IsValid)
        {
            return await OpenAsync(cancellationToken) ? Page() : NotFound();
        }

        var outcome = await editor.SaveAsync(Id, ToDraft(), cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (!outcome.IsSaved)
        {
            ModelState.AddDomainError(outcome.Refusal, text, Fields);
            Show(outcome.Form);
            return Page();
        }

        TempData["StatusMessage"] = Saved(outcome.Entry);
        return RedirectToPage("Index");
    }

    /// <summary>The form's fields for a stored entry.</summary>
    protected abstract TInput ToInput(TEntry entry);

    /// <summary>What was typed, as the draft the entry is made from; called only when <see cref="PageModel.ModelState"/> is valid.</summary>
    protected abstract TDraft ToDraft();

    /// <summary>How the message names the entry: "G4FC".</summary>
    protected abstract string NameOf(TEntry entry);

    /// <summary>The message the list shows after a save.</summary>
    protected virtual string Saved(TEntry entry) => text["Admin.Saved", NameOf(entry)];

    /// <summary>Reads what model binding does not (a repair type's quantities as typed), putting what is wrong into ModelState.</summary>
    protected virtual void ReadInput()
    {
    }

    /// <summary>Loads the form for <see cref="Id"/> into <see cref="Entry"/> and <see cref="Choices"/>; false when there is no such entry.</summary>
    protected async Task<bool> OpenAsync(CancellationToken cancellationToken)
    {
        if (await editor.OpenAsync(Id, cancellationToken) is not { } form)
        {
            return false;
        }

        Show(form);
        return true;
    }

    private void Show(EntryForm<TEntry, TChoices> form) => (Entry, Choices) = (form.Entry, form.Choices);
}

using System.Diagnostics.CodeAnalysis;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Admin;

/// <summary>What an edit form shows besides what was typed: the entry as stored (null while creating one) and its choices.</summary>
public sealed record EntryForm<TEntry, TChoices>(TEntry? Entry, TChoices Choices);

/// <summary>What a save came to: the saved entry, or the refusal with the form to show again.</summary>
public sealed record SaveOutcome<TEntry, TChoices>(TEntry? Entry, DomainException? Refusal, EntryForm<TEntry, TChoices>? Form)
{
    [MemberNotNullWhen(true, nameof(Entry))]
    [MemberNotNullWhen(false, nameof(Refusal), nameof(Form))]
    public bool IsSaved => Refusal is null;
}

/// <summary>The choices of a form that offers none: every field is typed (an oil's brand, viscosity and price).</summary>
public sealed class NoChoices
{
    private NoChoices()
    {
    }

    public static Task<NoChoices> None { get; } = Task.FromResult(new NoChoices());
}

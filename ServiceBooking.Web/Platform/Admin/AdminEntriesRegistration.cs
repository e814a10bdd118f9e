using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Admin;

public static class AdminEntriesRegistration
{
    /// <summary>
    /// Registers a kind of the Admin's entries, declared by its module, with the list and edit services that work for every
    /// kind: <see cref="AdminEntries{TEntry}"/> and <see cref="AdminEditor{TEntry, TDraft, TChoices}"/>. The kind itself is
    /// the module's service for reading those entries.
    /// </summary>
    public static IServiceCollection AddAdminEntries<TKind, TEntry, TDraft, TChoices>(this IServiceCollection services)
        where TKind : AdminEntryKind<TEntry, TDraft, TChoices>
        where TEntry : Entity, IActivatable
    {
        services.AddScoped<TKind>();
        services.AddScoped<AdminEntryKind<TEntry, TDraft, TChoices>>(provider => provider.GetRequiredService<TKind>());
        services.AddScoped<IEntryUses<TEntry>>(provider => provider.GetRequiredService<TKind>());
        services.AddScoped<AdminEntries<TEntry>>();
        services.AddScoped<AdminEditor<TEntry, TDraft, TChoices>>();
        return services;
    }
}

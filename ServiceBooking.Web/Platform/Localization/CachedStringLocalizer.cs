using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ServiceBooking.Web.Platform.Localization;

/// <summary>
/// The resource localizers with each string kept once it was read for a culture. <see cref="System.Resources.ResourceManager"/>
/// takes one lock per lookup, shared by every request; a page asks for a hundred strings, so under load its requests
/// queued on that lock (the order page's profile). The resources are compiled into the site and never change while it runs.
/// </summary>
public sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> byName = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, static (type, factory) => new CachedStringLocalizer(factory.Create(type)), inner);

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd((baseName, location), static (key, factory) => new CachedStringLocalizer(factory.Create(key.BaseName, key.Location)), inner);
}

/// <summary>One resource's strings, kept per UI culture; formatted with the current culture as the resource localizer does.</summary>
public sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> strings = new();

    public LocalizedString this[string name] =>
        strings.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), static (key, localizer) => localizer[key.Name], inner);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}

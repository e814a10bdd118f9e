using System.Globalization;
using System.Runtime.CompilerServices;

namespace ServiceBooking.Tests.Infrastructure;

internal static class TestCulture
{
    /// <summary>Tests run in the site's default culture, whatever the machine's locale is.</summary>
    [ModuleInitializer]
    internal static void UseRussian()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
    }
}

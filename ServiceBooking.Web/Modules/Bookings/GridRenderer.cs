using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings.Components;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>Renders a day grid (<see cref="SlotGridView"/>) to a string, in the current culture, for <see cref="GridMarkup"/>.</summary>
public sealed class GridRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync(DayGrid grid, string pagePath, IReadOnlyDictionary<int, BookingSummary>? details)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = new Dictionary<string, object?>
            {
                [nameof(SlotGridView.Grid)] = grid,
                [nameof(SlotGridView.PagePath)] = pagePath,
                [nameof(SlotGridView.Details)] = details,
            };
            var output = await renderer.RenderComponentAsync<SlotGridView>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}

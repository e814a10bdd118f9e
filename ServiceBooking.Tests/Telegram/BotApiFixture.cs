using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Tests.Telegram;

/// <summary>The site with <see cref="BotApiStandIn"/> running beside it; the outbox runs only when a test runs it (<see cref="DispatchAsync"/>).</summary>
public abstract class BotApiFixture : BookingFixture
{
    public BotApiStandIn BotApi { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        BotApi = await BotApiStandIn.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await BotApi.DisposeAsync();
    }

    /// <summary>Runs <paramref name="services"/>' outbox until nothing is left to claim; returns how many it claimed.</summary>
    public static Task<int> DispatchAsync(IServiceProvider services) => Task.Run(async () =>
    {
        await using var scope = services.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        var total = 0;
        for (int claimed; (claimed = await dispatcher.DispatchBatchAsync(CancellationToken.None)) > 0;)
        {
            total += claimed;
        }

        return total;
    });
}

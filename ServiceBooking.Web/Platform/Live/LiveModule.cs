using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServiceBooking.Web.Platform.Live;

/// <summary>Live pages: the hub, the listener and the local echo of this instance's own saves (ARCHITECTURE.md).</summary>
public static class LiveModule
{
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveHub>();
        services.AddSingleton<LiveStreamCount>();
        services.AddHostedService<LiveListener>();
        services.AddSingleton<IInterceptor, LiveSaves>();
        return services;
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.WorkOrders.Components;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Email;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Modules.WorkOrders;

/// <summary>
/// The emails about a work order to its client, in the client's language, as outbox entries: the caller queues them in
/// the transaction of the change that causes them. Only to an order linked to an account whose email is confirmed
/// (otherwise null: nothing to send). Their keys, by the order's number, make each one unique: one "car accepted" and one
/// "car ready" per order. They say nothing internal: no sums, no staff; the link is the client's bookings page.
/// </summary>
public sealed class OrderEmails(
    ApplicationDbContext db, EmailRenderer renderer, SiteLinks links, WorkshopClock clock, TimeProvider time,
    IOptions<ServiceCentreOptions> centre, IStringLocalizer<SharedResource> text)
{
    /// <summary>The car was taken in and the order opened (queued by <see cref="WorkOrderService.OpenAsync"/>, before the order has its id).</summary>
    public Task<OutboxEntry?> AcceptedAsync(WorkOrder order, CancellationToken cancellationToken) =>
        EmailAsync<OrderAcceptedEmail>(order, NoticeKind.OrderAccepted, "Email.OrderAccepted.Subject", order.CreatedAt, address: null, cancellationToken);

    /// <summary>The final report was approved: the car is ready to be collected, at the workshop's address.</summary>
    public Task<OutboxEntry?> CarReadyAsync(WorkOrder order, CancellationToken cancellationToken) =>
        EmailAsync<CarReadyEmail>(order, NoticeKind.OrderReady, "Email.CarReady.Subject", order.ClosedAt ?? time.GetUtcNow(), centre.Value.Address,
            cancellationToken);

    private async Task<OutboxEntry?> EmailAsync<TEmail>(
        WorkOrder order, NoticeKind kind, string subjectKey, DateTimeOffset at, string? address, CancellationToken cancellationToken)
        where TEmail : IComponent
    {
        if (order.ClientId is not { } clientId
            || await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == clientId, cancellationToken) is not { EmailConfirmed: true, Email: { Length: > 0 } email } client)
        {
            return null;
        }

        var car = order.CarId is { } carId
            ? await db.Cars.AsNoTracking().Where(c => c.Id == carId).Select(c => new { Model = c.Model.Name, c.Plate }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var recipient = new EmailRecipient(email, client.Name.FullName, Cultures.Get(client.PreferredCulture));
        var local = TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime;
        string when;
        using (new CultureScope(recipient.Culture))
        {
            when = text["Email.When", DateOnly.FromDateTime(local).Day(), TimeOnly.FromDateTime(local).Time()];
        }

        var facts = new OrderEmail(client.Name.Salutation, order.Number.ToString(), car is null ? null : $"{car.Model}, {car.Plate.Display}", when,
            address, links.To("/Booking/My"));
        // Both templates take the facts as their one parameter, named alike.
        var message = await renderer.RenderAsync<TEmail>(recipient, subjectKey, new Dictionary<string, object?> { [nameof(OrderAcceptedEmail.Order)] = facts });
        return new OutboxEntry(message, kind, $"{kind}:{order.Number}", client.Id);
    }
}

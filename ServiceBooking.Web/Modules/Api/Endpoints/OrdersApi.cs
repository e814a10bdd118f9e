using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Api.Endpoints;

/// <summary>
/// Work orders as seed 001's bots drive them and seed 004's mobile app: the orders a caller may see (a mechanic only
/// their own, 404 for another's), an order with its stages, each stage submitted by the order's mechanic (the ones with
/// a photo as multipart/form-data, as the page's form), approved or returned by a supervisor, and a mechanic's check-in
/// and check-out. The same services and rules as the pages, and the same history.
/// </summary>
public static class OrdersApi
{
    public static void MapOrdersApi(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Work orders");
        orders.MapGet("", ListAsync).RequireScope(ApiScopes.Read, Policies.Workshop).WithSummary("The orders the caller may see, newest first.");
        orders.MapGet("/{id:int}", GetAsync).RequireScope(ApiScopes.Read, Policies.Workshop).WithSummary("An order with its stages.");
        orders.MapPost("/{id:int}/stages/agreement", (int id, AgreementForm body, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders, IStringLocalizer<SharedResource> text,
                CancellationToken cancellationToken) => StageAsync(id, user, stages, orders, text, (s, a) => s.SubmitAgreementAsync(id, body, a, cancellationToken), cancellationToken))
            .RequireScope(ApiScopes.Orders, Policies.Workshop).WithSummary("The order's mechanic submits the agreement: the options offered and the sum agreed, or the refusal.");
        orders.MapPost("/{id:int}/stages/prepayment", (int id, PrepaymentBody body, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders, IStringLocalizer<SharedResource> text,
                CancellationToken cancellationToken) => StageAsync(id, user, stages, orders, text,
                (s, a) => s.SubmitPrepaymentAsync(id, new PrepaymentForm { Amount = body.Amount }, a, cancellationToken), cancellationToken))
            .RequireScope(ApiScopes.Orders, Policies.Workshop).WithSummary("The order's mechanic submits the prepayment received.");
        orders.MapPost("/{id:int}/stages/in-shop", ([FromForm] InShopForm body, int id, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders, IStringLocalizer<SharedResource> text,
                CancellationToken cancellationToken) => StageAsync(id, user, stages, orders, text, (s, a) => s.SubmitInShopAsync(id, body, a, cancellationToken), cancellationToken))
            .RequireScope(ApiScopes.Orders, Policies.Workshop).DisableAntiforgery().WithMetadata(new UploadLimitAttribute<OrderPhotos>())
            .WithSummary("The order's mechanic hands the car to the shop: a photo (Photo), the date it is due (DueDate) and the problem (Problem).");
        orders.MapPost("/{id:int}/stages/expenses", ([FromForm] ExpensesForm body, int id, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders, IStringLocalizer<SharedResource> text,
                CancellationToken cancellationToken) => StageAsync(id, user, stages, orders, text, (s, a) => s.SubmitExpensesAsync(id, body, a, cancellationToken), cancellationToken))
            .RequireScope(ApiScopes.Orders, Policies.Workshop).DisableAntiforgery().WithMetadata(new UploadLimitAttribute<OrderPhotos>())
            .WithSummary("The order's mechanic reports the expenses: Lines[n].Kind, .Description, .Sum and .Receipt (a photo).");
        orders.MapPost("/{id:int}/stages/final-report", ([FromForm] FinalReportForm body, int id, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders,
                IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
                StageAsync(id, user, stages, orders, text, (s, a) => s.SubmitFinalReportAsync(id, body, a, cancellationToken), cancellationToken))
            .RequireScope(ApiScopes.Orders, Policies.Workshop).DisableAntiforgery().WithMetadata(new UploadLimitAttribute<OrderPhotos>())
            .WithSummary("The order's mechanic files the final report: the total received (Total), the net sum (Net) and the contract's photo (Contract).");
        orders.MapPost("/{id:int}/approve", (int id, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
                StageAsync(id, user, stages, orders, text, (s, a) => s.ApproveAsync(id, a, cancellationToken), cancellationToken))
            .RequireScope(ApiScopes.Orders, Policies.Workshop).WithSummary("A supervisor approves the stage that waits.");
        orders.MapPost("/{id:int}/return", (int id, ReturnBody body, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders, IStringLocalizer<SharedResource> text,
                CancellationToken cancellationToken) => StageAsync(id, user, stages, orders, text, (s, a) => s.ReturnAsync(id, body.Comment, a, cancellationToken), cancellationToken))
            .RequireScope(ApiScopes.Orders, Policies.Workshop).WithSummary("A supervisor returns the stage that waits, with a comment, for the mechanic to submit again.");

        var shifts = api.MapGroup("/shifts").WithTags("Work orders");
        shifts.MapPost("/check-in", CheckInAsync).RequireScope(ApiScopes.Orders, Policies.Shifts).WithSummary("A mechanic checks in (seed 004's mobile app).");
        shifts.MapPost("/check-out", CheckOutAsync).RequireScope(ApiScopes.Orders, Policies.Shifts).WithSummary("A mechanic checks out.");
    }

    private static async Task<Ok<Page<OrderRowDto>>> ListAsync(
        ClaimsPrincipal user, WorkOrderService orders, WorkOrderStatus? status, DateOnly? date, int? page, CancellationToken cancellationToken)
    {
        var found = await orders.ListAsync(new OrderFilter(status, null, date, page ?? 1), WorkshopActor.Of(user), cancellationToken);
        return TypedResults.Ok(new Page<OrderRowDto>(
            [.. found.Rows.Select(r => new OrderRowDto(r.Id, r.Number.ToString(), r.Status, r.ClientName, r.Phone, r.Car, r.Mechanic, r.CreatedAt))],
            found.PageNumber, found.Rows.Count, found.PageNumber < found.PageCount));
    }

    private static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, WorkOrderService orders, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await orders.DetailsAsync(id, WorkshopActor.Of(user), cancellationToken) is { } details ? TypedResults.Ok(Dto(details)) : ApiProblems.NotFound(text);

    /// <summary>A stage action through the service; the order as it stands after it, or the refusal next to its field.</summary>
    private static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> StageAsync(
        int id, ClaimsPrincipal user, OrderStages stages, WorkOrderService orders, IStringLocalizer<SharedResource> text, Func<OrderStages, WorkshopActor, Task<StageOutcome>> act,
        CancellationToken cancellationToken)
    {
        var actor = WorkshopActor.Of(user);
        switch (await act(stages, actor))
        {
            case StageOutcome.Done:
                return TypedResults.Ok(Dto((await orders.DetailsAsync(id, actor, cancellationToken))!));
            case StageOutcome.Refused { Field.Length: > 0 } refused:
                return ApiProblems.Invalid(new Dictionary<string, string[]> { [char.ToLowerInvariant(refused.Field[0]) + refused.Field[1..]] = [text.Message(refused.Error)] },
                    text, refused.Error.Code);
            case StageOutcome.Refused refused:
                return ApiProblems.Refused(refused.Error, text);
            default:
                return ApiProblems.NotFound(text);
        }
    }

    private static async Task<Results<Ok<ShiftDto>, ProblemHttpResult>> CheckInAsync(
        ClaimsPrincipal user, Shifts shifts, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await ShiftAsync(() => shifts.CheckInAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken), text);

    private static async Task<Results<Ok<ShiftDto>, ProblemHttpResult>> CheckOutAsync(
        ClaimsPrincipal user, Shifts shifts, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await ShiftAsync(() => shifts.CheckOutAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken), text);

    private static async Task<Results<Ok<ShiftDto>, ProblemHttpResult>> ShiftAsync(Func<Task<Shift>> act, IStringLocalizer text)
    {
        try
        {
            var shift = await act();
            return TypedResults.Ok(new ShiftDto(shift.CheckedInAt, shift.CheckedOutAt));
        }
        catch (Domain.Common.DomainException error)
        {
            return ApiProblems.Refused(error, text);
        }
    }

    private static OrderDto Dto(OrderDetails d)
    {
        var o = d.Order;
        StageDto Stage(StageSubmission s) => new(s.Kind, s.State, s.SubmittedAt, s.DecidedAt, s.Comment);
        return new OrderDto(o.Id, o.Number.ToString(), o.Status, o.ClientName, o.Phone, d.Car is { } car ? $"{car.Model}, {car.Plate}" : null, o.MechanicId, d.Mechanic,
            o.Pending is { } pending ? Stage(pending) : null, d.ReaderIsMechanic ? o.Submittable() : [], [.. o.Submissions.Select(Stage)]);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Pickups;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api.Endpoints;

/// <summary>
/// Seed 000's requests over the pick-up module, for the desk's bots and site: create one for a client, list and read
/// them (with why one waits), confirm with a time and a price (the client is emailed the proposal, as from the desk's
/// page), and change the status: the client's answer given by phone, or paid.
/// </summary>
public static class RequestsApi
{
    /// <summary>Where a pick-up's broken rule is shown (requests and jobs alike).</summary>
    internal static readonly Dictionary<string, string> Fields = new()
    {
        ["Pickup.NoCar"] = "carId",
        ["Pickup.NoDistrict"] = "districtId",
        ["Pickup.Address"] = "address",
        ["Pickup.Comment"] = "comment",
        ["Pickup.Date"] = "date",
        ["Pickup.Window"] = "windowTo",
        ["Pickup.ProposedInPast"] = "proposedFor",
        ["Money"] = "price",
    };

    public static void MapRequestsApi(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests").WithTags("Requests");
        requests.MapGet("", ListAsync).RequireScope(ApiScopes.Read, Policies.Staff)
            .WithSummary("The requests, newest first, filtered by status, wished day and district, 25 a page.");
        requests.MapGet("/{id:int}", GetAsync).RequireScope(ApiScopes.Read, Policies.Staff).WithSummary("A request, with why it waits.");
        requests.MapPost("", CreateAsync).RequireScope(ApiScopes.Dispatch, Policies.Staff).Idempotent()
            .WithSummary("A client's request to have a car collected: under review.");
        requests.MapPost("/{id:int}/confirm", ConfirmAsync).RequireScope(ApiScopes.Dispatch, Policies.Staff)
            .WithSummary("Proposes a time and a price: the client is emailed links to agree or decline.");
        requests.MapPost("/{id:int}/status", ChangeStatusAsync).RequireScope(ApiScopes.Dispatch, Policies.Staff)
            .WithSummary("Agreed or Declined (the client answered by phone: dispatched at once when agreed), or Paid.");
    }

    private static async Task<Ok<Page<RequestDto>>> ListAsync(
        PickupRequests requests, PickupStatus? status, DateOnly? date, int? districtId, int? page, CancellationToken cancellationToken)
    {
        var table = await requests.TableAsync(new PickupFilter(status, date, districtId, page ?? 1), cancellationToken);
        return TypedResults.Ok(new Page<RequestDto>([.. table.Rows.Select(RequestDto.Of)], table.PageNumber, PickupRequests.PageSize, table.HasNext));
    }

    private static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> GetAsync(
        int id, PickupRequests requests, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await requests.DetailsAsync(id, cancellationToken) is { } row ? TypedResults.Ok(RequestDto.Of(row)) : ApiProblems.NotFound(text);

    private static async Task<Results<Created<RequestDto>, ProblemHttpResult>> CreateAsync(
        NewRequest body, PickupRequests requests, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (ApiProblems.Required(text, ("clientId", body.ClientId), ("carId", body.CarId), ("address", body.Address), ("districtId", body.DistrictId),
                ("date", body.Date), ("windowFrom", body.WindowFrom), ("windowTo", body.WindowTo)) is { } missing)
        {
            return missing;
        }

        var draft = new PickupDraft(body.CarId, body.Address, body.DistrictId, body.Date, body.WindowFrom, body.WindowTo, body.Comment);
        return await requests.RequestAsync(body.ClientId!, draft, cancellationToken) switch
        {
            PickupChange.Done done => TypedResults.Created($"{ApiModule.Prefix}/requests/{done.Request.Id}",
                RequestDto.Of((await requests.DetailsAsync(done.Request.Id, cancellationToken))!)),
            PickupChange.Refused refused => ApiProblems.Refused(refused.Error, text, Fields),
            _ => ApiProblems.NotFound(text),
        };
    }

    private static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> ConfirmAsync(
        int id, ConfirmRequest body, ClaimsPrincipal user, PickupRequests requests, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (ApiProblems.Required(text, ("proposedFor", body.ProposedFor), ("price", body.Price)) is { } missing)
        {
            return missing;
        }

        var changed = await requests.ConfirmAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, body.ProposedFor!.Value, body.Price!.Value, cancellationToken);
        return await AnswerAsync(changed, id, requests, text, cancellationToken);
    }

    private static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> ChangeStatusAsync(
        int id, RequestStatusChange body, ClaimsPrincipal user, PickupRequests requests, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (body.Status is not ("Agreed" or "Declined" or "Paid"))
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["status"] = [text["Api.RequestStatus"]] }, text);
        }

        if (await requests.DetailsAsync(id, cancellationToken) is not { } row)
        {
            return ApiProblems.NotFound(text);
        }

        var changed = body.Status == "Paid"
            ? await requests.MarkPaidAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, id, cancellationToken)
            : await requests.AnswerMineAsync(row.ClientId, id, body.Status == "Agreed", row.Proposal, cancellationToken);
        return await AnswerAsync(changed, id, requests, text, cancellationToken);
    }

    private static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> AnswerAsync(
        PickupChange changed, int id, PickupRequests requests, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) => changed switch
        {
            PickupChange.Done => TypedResults.Ok(RequestDto.Of((await requests.DetailsAsync(id, cancellationToken))!)),
            PickupChange.Refused refused => ApiProblems.Refused(refused.Error, text, Fields),
            _ => ApiProblems.NotFound(text),
        };
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Api;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Modules.Pickups;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api.Endpoints;

/// <summary>
/// The dispatch service of seed 003 over the pick-up module: districts, drivers with their districts and figures, and
/// jobs published in a district and given to a free driver of it by the same dispatcher as the pages' agreements.
/// </summary>
public static class DispatchApi
{
    public static void MapDispatchApi(this RouteGroupBuilder api)
    {
        var districts = api.MapGroup("/districts").WithTags("Dispatch");
        districts.MapGet("", ListDistrictsAsync).RequireScope(ApiScopes.Read).WithSummary("The districts, active first.");
        districts.MapPost("", CreateDistrictAsync).RequireScope(ApiScopes.Dispatch, Policies.Admin).Idempotent()
            .WithSummary("Adds a district (the Admin's); names are unique ignoring case.");

        var drivers = api.MapGroup("/drivers").WithTags("Dispatch");
        drivers.MapGet("", ListDriversAsync).RequireScope(ApiScopes.Read, Policies.Staff).WithSummary("The drivers, a page at a time.");
        drivers.MapGet("/{id}", DriverAsync).RequireScope(ApiScopes.Read, Policies.Staff)
            .WithSummary("A driver: the active job, the average completion time and the average jobs per day worked.");
        drivers.MapPost("", CreateDriverAsync).RequireScope(ApiScopes.Dispatch, Policies.Staff).Idempotent()
            .WithSummary("Registers a driver (an account with the Driver role, emailed to choose a password) with the districts they serve.");

        var jobs = api.MapGroup("/jobs").WithTags("Dispatch");
        jobs.MapPost("", PublishAsync).RequireScope(ApiScopes.Dispatch, Policies.Staff).Idempotent()
            .WithSummary("Publishes a job in a district: it goes to a free driver of the district at once, or waits in its queue.");
        jobs.MapGet("/{id:int}", JobAsync).RequireScope(ApiScopes.Read, Policies.PickupsLive)
            .WithSummary("A job's state and driver (a driver sees only their own jobs).");
        jobs.MapPost("/{id:int}/complete", CompleteAsync).RequireScope(ApiScopes.Dispatch, Policies.PickupsLive)
            .WithSummary("Marks a job done (its driver, or the desk for them): the client is invoiced; the driver takes the next job.");
    }

    private static async Task<Ok<List<DistrictDto>>> ListDistrictsAsync(ApplicationDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Districts.AsNoTracking().OrderByDescending(d => d.IsActive).ThenBy(d => d.Name)
            .Select(d => new DistrictDto(d.Id, d.Name, d.IsActive)).ToListAsync(cancellationToken));

    private static async Task<Results<Created<DistrictDto>, ProblemHttpResult>> CreateDistrictAsync(
        NewDistrict body, AdminEditor<District, DistrictDraft, NoChoices> editor, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var saved = (await editor.SaveAsync(null, new DistrictDraft(body.Name ?? string.Empty), cancellationToken))!;
        if (saved.Refusal is { } error)
        {
            return ApiProblems.Refused(error, text, new Dictionary<string, string> { ["District"] = "name" });
        }

        var district = saved.Entry!;
        return TypedResults.Created($"/api/v1/districts/{district.Id}", new DistrictDto(district.Id, district.Name, district.IsActive));
    }

    private static async Task<Ok<Page<DriverDto>>> ListDriversAsync(DriverDirectory directory, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(Page<DriverDto>.Of([.. (await directory.ListAsync(cancellationToken)).Select(Dto)], page, pageSize));

    private static async Task<Results<Ok<DriverDetailsDto>, ProblemHttpResult>> DriverAsync(
        string id, DriverDirectory directory, ApplicationDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (await directory.CardAsync(id, cancellationToken) is not { } card)
        {
            return ApiProblems.NotFound(text);
        }

        var job = card.Driver.ActiveJobId is { } jobId ? await db.PickupRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == jobId, cancellationToken) : null;
        return TypedResults.Ok(new DriverDetailsDto(Dto(card.Driver), job is null ? null : JobDto.Of(job), card.Stats.Completed,
            card.Stats.AverageCompletion?.TotalMinutes, card.Stats.PerDayWorked));
    }

    private static async Task<Results<Created<DriverDto>, ProblemHttpResult>> CreateDriverAsync(
        NewDriver body, DriverDirectory directory, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var missing = ApiProblems.Required(text, ("nickname", body.Nickname), ("email", body.Email), ("lastName", body.LastName), ("firstName", body.FirstName));
        if (missing is not null)
        {
            return missing;
        }

        var draft = new DriverDraft(new StaffAccountDraft(body.Nickname!, body.Email!, body.LastName!, body.FirstName!, body.Patronymic, body.Phone),
            body.DistrictIds ?? [], body.IsActive ?? true);
        switch (await directory.CreateAsync(draft, cancellationToken))
        {
            case DriverSaved.Saved saved:
                var driver = (await directory.FindAsync(saved.Id, cancellationToken))!;
                return TypedResults.Created($"/api/v1/drivers/{driver.Id}", Dto(driver));
            case DriverSaved.Refused refused:
                return ApiProblems.Refused(refused.Error, text, StaffFields);
            case DriverSaved.Failed failed:
                return ApiProblems.Invalid(failed.Errors.GroupBy(e => e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "nickname")
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()), text, "Api.AccountRefused");
            default:
                return ApiProblems.NotFound(text);
        }
    }

    private static async Task<Results<Created<JobDto>, ProblemHttpResult>> PublishAsync(
        NewJob body, ClaimsPrincipal user, PickupRequests requests, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        var missing = ApiProblems.Required(text, ("clientId", body.ClientId), ("carId", body.CarId), ("address", body.Address), ("districtId", body.DistrictId),
            ("date", body.Date), ("windowFrom", body.WindowFrom), ("windowTo", body.WindowTo), ("price", body.Price));
        if (missing is not null)
        {
            return missing;
        }

        var draft = new PickupDraft(body.CarId, body.Address, body.DistrictId, body.Date, body.WindowFrom, body.WindowTo, body.Comment);
        return await requests.PublishAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, body.ClientId!, draft, body.Price!.Value, cancellationToken) switch
        {
            PickupChange.Done done => TypedResults.Created($"/api/v1/jobs/{done.Request.Id}", JobDto.Of(done.Request)),
            PickupChange.Refused refused => ApiProblems.Refused(refused.Error, text, RequestsApi.Fields),
            _ => ApiProblems.NotFound(text),
        };
    }

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> JobAsync(
        int id, ClaimsPrincipal user, ApplicationDbContext db, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await VisibleJobAsync(db, user, id, cancellationToken) is { } job ? TypedResults.Ok(JobDto.Of(job)) : ApiProblems.NotFound(text);

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> CompleteAsync(
        int id, CompleteJob? body, ClaimsPrincipal user, ApplicationDbContext db, DriverJobs jobs, IStringLocalizer<SharedResource> text,
        CancellationToken cancellationToken)
    {
        if (await VisibleJobAsync(db, user, id, cancellationToken) is not { } job)
        {
            return ApiProblems.NotFound(text);
        }

        if (job.DriverId is not { } driverId)
        {
            return ApiProblems.Refused(new DomainException("Pickup.WrongStatus", job.Status), text);
        }

        return await jobs.CompleteAsync(driverId, id, body?.Comment, cancellationToken) switch
        {
            PickupChange.Done done => TypedResults.Ok(JobDto.Of(done.Request)),
            PickupChange.Refused refused => ApiProblems.Refused(
                refused.Error.Code == "Pickup.NotYourJob" ? new DomainException("Api.JobNotActive") : refused.Error, text),
            _ => ApiProblems.NotFound(text),
        };
    }

    /// <summary>A job as the caller may see it: the desk sees every job, a driver only the jobs given to them.</summary>
    private static Task<PickupRequest?> VisibleJobAsync(ApplicationDbContext db, ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var desk = user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.PickupRequests.AsNoTracking()
            .Where(r => r.Id == id && r.Status != PickupStatus.UnderReview && r.Status != PickupStatus.AwaitingClient && r.Status != PickupStatus.Declined)
            .SingleOrDefaultAsync(r => desk || r.DriverId == me, cancellationToken);
    }

    private static readonly Dictionary<string, string> StaffFields = new()
    {
        ["Nickname"] = "nickname",
        ["Email"] = "email",
        ["PersonName.Last"] = "lastName",
        ["PersonName.First"] = "firstName",
        ["PersonName.Patronymic"] = "patronymic",
        ["Phone"] = "phone",
        ["Driver.District"] = "districtIds",
    };

    private static DriverDto Dto(DriverRow d) => new(d.Id, d.Nickname, d.FullName, d.Email, d.Phone, d.IsActive, d.DistrictIds, d.ActiveJobId);
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// Opens a work order: from a booking when the car arrives (<c>?bookingId=</c>, the desk's panel links here; the client
/// and car are the booking's), or for someone who calls or walks in. Typing the phone asks <c>OnGetPhone</c> (htmx) for
/// the blacklist's warning and the cars of the account with that phone; without JavaScript the same shows after a post.
/// </summary>
public sealed class New(WorkOrderService orders, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Phone"] = "Input.Phone",
        ["WorkOrder.Phone"] = "Input.Phone",
        ["WorkOrder.ClientName"] = "Input.ClientName",
        ["WorkOrder.Address"] = "Input.Address",
        ["WorkOrder.Comment"] = "Input.Comment",
        ["WorkOrder.CarNotClients"] = "Input.CarId",
        ["Car."] = "Input.Mileage",
        ["Car.Removed"] = "Input.CarId",
        ["Mileage"] = "Input.Mileage",
        ["WorkOrder.MileageWithoutCar"] = "Input.Mileage",
    };

    [BindProperty]
    public OrderInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? BookingId { get; set; }

    public Intake Intake { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await orders.IntakeAsync(BookingId, phone: null, cancellationToken) is not { } intake)
        {
            return NotFound();
        }

        Intake = intake;
        if (intake.Booking is { } booking)
        {
            Input = new OrderInput
            {
                ClientName = booking.ClientName,
                Phone = booking.Phone is null ? string.Empty : Phones.Display(booking.Phone),
                Comment = booking.Work,
            };
        }

        return Page();
    }

    /// <summary>htmx, as the phone is typed: the blacklist's warning and the cars of the caller's account (<c>_PhoneCheck</c>).</summary>
    public async Task<IActionResult> OnGetPhoneAsync([FromQuery(Name = "Input.Phone")] string? phone, CancellationToken cancellationToken)
    {
        if (await orders.IntakeAsync(BookingId, phone, cancellationToken) is not { } intake)
        {
            return NotFound();
        }

        Response.Headers.Vary = "HX-Request";
        Intake = intake;
        return Partial("_PhoneCheck", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAgainAsync(cancellationToken);
        }

        var draft = new OrderDraft(Input.ClientName, Input.Phone, Input.Address, Input.Comment, Input.CarId, Input.Mileage, BookingId);
        switch (await orders.OpenAsync(draft, users.GetUserId(User)!, cancellationToken))
        {
            case OrderOpened.Opened opened:
                TempData["StatusMessage"] = text["WorkOrders.Opened", opened.Order.Number.ToString()].Value;
                return RedirectToPage("Details", new { id = opened.Order.Id });
            case OrderOpened.AlreadyOpened existing:
                TempData["StatusMessage"] = text["WorkOrders.AlreadyOpened", existing.Number.ToString()].Value;
                return RedirectToPage("Details", new { id = existing.OrderId });
            case OrderOpened.Refused refused:
                ModelState.AddDomainError(refused.Error, text, Fields);
                return await PageAgainAsync(cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> PageAgainAsync(CancellationToken cancellationToken)
    {
        if (await orders.IntakeAsync(BookingId, Input.Phone, cancellationToken) is not { } intake)
        {
            return NotFound();
        }

        Intake = intake;
        return Page();
    }

    public sealed class OrderInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(WorkOrder.MaxClientNameLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "WorkOrders.Field.ClientName")]
        public string ClientName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Phone")]
        public string Phone { get; set; } = string.Empty;

        [StringLength(WorkOrder.MaxAddressLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "WorkOrders.Field.Address")]
        public string? Address { get; set; }

        [StringLength(WorkOrder.MaxCommentLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "WorkOrders.Field.Comment")]
        public string? Comment { get; set; }

        [Display(Name = "WorkOrders.Field.Car")]
        public int? CarId { get; set; }

        [Range(0, ServiceBooking.Domain.Garage.Mileage.MaxKilometres, ErrorMessage = "Validation.Range")]
        [Display(Name = "WorkOrders.Field.ArrivalMileage")]
        public int? Mileage { get; set; }
    }
}

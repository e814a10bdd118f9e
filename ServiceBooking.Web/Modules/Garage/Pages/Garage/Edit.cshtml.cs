using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Modules.Garage.Components;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Garage.Pages.Garage;

/// <summary>Adds a car to the garage (no id) or edits one of one's own cars. Someone else's car is a 404.</summary>
public sealed class Edit(
    ApplicationDbContext db, UserManager<ApplicationUser> users, WorkshopClock clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Vin"] = "Input.Vin",
        ["Plate"] = "Input.Plate",
        ["Certificate"] = "Input.Certificate",
        ["Mileage"] = "Input.Mileage",
        ["Car.SaleDate"] = "Input.SaleDate",
        ["Car.Model"] = "Input.ModelId",
    };

    [BindProperty]
    public CarInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public IReadOnlyList<ModelCard> Models { get; private set; } = [];

    /// <summary>True when the mileage went down: the form then asks the owner to confirm it.</summary>
    public bool AskMileageConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            var car = await FindOwnCarAsync(Id.Value, cancellationToken);
            if (car is null)
            {
                return NotFound();
            }

            Input = new CarInput
            {
                Vin = car.Vin.Value,
                Plate = car.Plate.Value,
                Certificate = car.Certificate.Display,
                SaleDate = car.SaleDate,
                Mileage = car.Mileage.Kilometres,
                ModelId = car.ModelId,
            };
        }

        Models = await ModelsAsync(Input.ModelId, cancellationToken);
        return Page();
    }

    /// <summary>htmx: the gallery for a filter, keeping the chosen model.</summary>
    public async Task<IActionResult> OnGetModelsAsync(string? filter, [FromQuery(Name = "Input.ModelId")] int? selected, CancellationToken cancellationToken)
    {
        if (Id is not null && await FindOwnCarAsync(Id.Value, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.Headers.Vary = "HX-Request";
        return Partial("_ModelGallery", new ModelGalleryView(await ModelsAsync(selected, cancellationToken), selected, filter));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var owner = users.GetUserId(User)!;
        var car = Id is null ? null : await FindOwnCarAsync(Id.Value, cancellationToken);
        if (Id is not null && car is null)
        {
            return NotFound();
        }

        Models = await ModelsAsync(Input.ModelId, cancellationToken);
        var model = Input.ModelId is { } modelId ? await db.CarModels.Include(m => m.Engine).SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken) : null;
        if (Input.ModelId is not null && (model is null || Models.All(m => m.Id != model.Id)))
        {
            ModelState.AddModelError("Input.ModelId", text["Garage.ChooseModel"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var details = new CarDetails(
                Vin.Parse(Input.Vin), PlateNumber.Parse(Input.Plate), RegistrationCertificateNumber.Parse(Input.Certificate),
                Input.SaleDate!.Value, Mileage.FromKilometres(Input.Mileage!.Value), model!);
            if (car is null)
            {
                car = Car.Register(owner, details, clock.Today);
                db.Cars.Add(car);
            }
            else
            {
                car.Edit(details, clock.Today, Input.ConfirmMileageDecrease);
            }
        }
        catch (DomainException error)
        {
            AskMileageConfirmation = error.Code == "Mileage.Decreased";
            ModelState.AddDomainError(error, text, Fields);
            return Page();
        }

        if (!await CheckUniqueAsync(car, cancellationToken))
        {
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) is { } constraint)
        {
            // Another car took the VIN or plate between our check and the save.
            AddTakenError(constraint.Contains("vin", StringComparison.Ordinal));
            return Page();
        }

        TempData["StatusMessage"] = text["Garage.Saved", car.Model.Name, car.Plate.Display].Value;
        return RedirectToPage("Index");
    }

    private async Task<bool> CheckUniqueAsync(Car car, CancellationToken cancellationToken)
    {
        var others = db.Cars.Where(c => c.IsActive && c.Id != car.Id);
        if (await others.AnyAsync(c => c.Vin == car.Vin, cancellationToken))
        {
            AddTakenError(vin: true);
        }

        if (await others.AnyAsync(c => c.Plate == car.Plate, cancellationToken))
        {
            AddTakenError(vin: false);
        }

        return ModelState.IsValid;
    }

    private void AddTakenError(bool vin) =>
        ModelState.AddModelError(vin ? "Input.Vin" : "Input.Plate", text[vin ? "Garage.VinTaken" : "Garage.PlateTaken"]);

    private Task<Car?> FindOwnCarAsync(int id, CancellationToken cancellationToken)
    {
        var owner = users.GetUserId(User)!;
        return db.Cars.Include(c => c.Model).SingleOrDefaultAsync(c => c.Id == id && c.OwnerId == owner && c.IsActive, cancellationToken);
    }

    /// <summary>Active models, and the one already chosen even if it has since been deactivated.</summary>
    private async Task<IReadOnlyList<ModelCard>> ModelsAsync(int? selected, CancellationToken cancellationToken)
    {
        int? current = Id is null ? null : await db.Cars.Where(c => c.Id == Id).Select(c => (int?)c.ModelId).SingleOrDefaultAsync(cancellationToken);
        return await db.CarModels.AsNoTracking()
            .Where(m => m.IsActive || m.Id == current)
            .OrderBy(m => m.Name)
            .Select(m => new ModelCard(m.Id, m.Name, m.Picture, m.Engine.Code + " " + m.Engine.DisplacementLitres + " л"))
            .ToListAsync(cancellationToken);
    }

    public sealed class CarInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Vin]
        [Display(Name = "Field.Vin")]
        public string Vin { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Plate]
        [Display(Name = "Field.Plate")]
        public string Plate { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Certificate]
        [Display(Name = "Field.Certificate")]
        public string Certificate { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.SaleDate")]
        public DateOnly? SaleDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Mileage")]
        public int? Mileage { get; set; }

        [Required(ErrorMessage = "Garage.ChooseModel")]
        [Display(Name = "Field.CarModel")]
        public int? ModelId { get; set; }

        [Display(Name = "Field.ConfirmMileageDecrease")]
        public bool ConfirmMileageDecrease { get; set; }
    }
}

/// <summary>What the gallery partial needs.</summary>
public sealed record ModelGalleryView(IReadOnlyList<ModelCard> Models, int? SelectedId, string? Filter);

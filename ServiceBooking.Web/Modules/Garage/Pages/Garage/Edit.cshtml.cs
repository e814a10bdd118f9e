using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Modules.Garage.Components;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Garage.Pages.Garage;

/// <summary>Adds a car to the garage (no id) or edits one of one's own cars. Someone else's car is a 404.</summary>
public sealed class Edit(GarageService garage, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
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

    private string Owner => users.GetUserId(User)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            if (await garage.FindOwnAsync(Owner, Id.Value, cancellationToken) is not { } car)
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

        Models = await garage.GalleryAsync(Owner, Id, cancellationToken);
        return Page();
    }

    /// <summary>htmx: the gallery for a filter, keeping the chosen model.</summary>
    public async Task<IActionResult> OnGetModelsAsync(string? filter, [FromQuery(Name = "Input.ModelId")] int? selected, CancellationToken cancellationToken)
    {
        if (Id is not null && await garage.FindOwnAsync(Owner, Id.Value, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.Headers.Vary = "HX-Request";
        return Partial("_ModelGallery", new ModelGalleryView(await garage.GalleryAsync(Owner, Id, cancellationToken), selected, filter));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Models = await garage.GalleryAsync(Owner, Id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Id is not null && await garage.FindOwnAsync(Owner, Id.Value, cancellationToken) is null ? NotFound() : Page();
        }

        var draft = new CarDraft(Input.Vin, Input.Plate, Input.Certificate, Input.SaleDate!.Value, Input.Mileage!.Value, Input.ModelId!.Value,
            Input.ConfirmMileageDecrease);
        switch (await garage.SaveAsync(Owner, Id, draft, cancellationToken))
        {
            case CarSaved.Saved saved:
                TempData["StatusMessage"] = text["Garage.Saved", saved.Car.Model.Name, saved.Car.Plate.Display].Value;
                return RedirectToPage("Index");
            case CarSaved.NotFound:
                return NotFound();
            case CarSaved.UnknownModel:
                ModelState.AddModelError("Input.ModelId", text["Garage.ChooseModel"]);
                return Page();
            case CarSaved.Refused refused:
                AskMileageConfirmation = refused.Error.Code == "Mileage.Decreased";
                ModelState.AddDomainError(refused.Error, text, Fields);
                return Page();
            case CarSaved.Taken taken:
                if (taken.Vin)
                {
                    ModelState.AddModelError("Input.Vin", text["Garage.VinTaken"]);
                }

                if (taken.Plate)
                {
                    ModelState.AddModelError("Input.Plate", text["Garage.PlateTaken"]);
                }

                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
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

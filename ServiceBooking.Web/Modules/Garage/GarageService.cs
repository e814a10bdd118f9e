using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Modules.Garage.Components;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Garage;

/// <summary>A car as the owner typed it on the form, before the Domain has checked it.</summary>
public sealed record CarDraft(string Vin, string Plate, string Certificate, DateOnly SaleDate, int Mileage, int ModelId, bool ConfirmMileageDecrease);

/// <summary>What saving a car came to.</summary>
public abstract record CarSaved
{
    private CarSaved()
    {
    }

    public sealed record Saved(Car Car) : CarSaved;

    /// <summary>No such car among the owner's (or not theirs): a 404.</summary>
    public sealed record NotFound : CarSaved;

    /// <summary>A value the Domain refused (the code says which field).</summary>
    public sealed record Refused(DomainException Error) : CarSaved;

    /// <summary>The model is not one the owner may choose.</summary>
    public sealed record UnknownModel : CarSaved;

    /// <summary>The VIN or the plate belongs to another car in a garage.</summary>
    public sealed record Taken(bool Vin, bool Plate) : CarSaved;
}

/// <summary>
/// The garage (PRODUCT.md section B): a client's own cars. Someone else's car is never found; a VIN or plate is unique
/// among active cars (checked here for the message, and by unique indexes for the race).
/// </summary>
public sealed class GarageService(ApplicationDbContext db, WorkshopClock clock)
{
    /// <summary>The owner's active cars, oldest first, with model and engine.</summary>
    public async Task<IReadOnlyList<Car>> CarsOfAsync(string ownerId, CancellationToken cancellationToken) =>
        await db.Cars.AsNoTracking()
            .Include(c => c.Model).ThenInclude(m => m.Engine)
            .Where(c => c.OwnerId == ownerId && c.IsActive)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);

    public Task<Car?> FindOwnAsync(string ownerId, int carId, CancellationToken cancellationToken) =>
        db.Cars.Include(c => c.Model).SingleOrDefaultAsync(c => c.Id == carId && c.OwnerId == ownerId && c.IsActive, cancellationToken);

    /// <summary>The models on offer for a car: active ones, and the car's own model even if it has since been deactivated.</summary>
    public async Task<IReadOnlyList<ModelCard>> GalleryAsync(string ownerId, int? carId, CancellationToken cancellationToken)
    {
        int? current = carId is null
            ? null
            : await db.Cars.Where(c => c.Id == carId && c.OwnerId == ownerId).Select(c => (int?)c.ModelId).SingleOrDefaultAsync(cancellationToken);
        return await db.CarModels.AsNoTracking()
            .Where(Choices.Offered<CarModel>(current))
            .OrderBy(m => m.Name)
            .Select(m => new ModelCard(m.Id, m.Name, m.Picture, m.Engine.Code + " " + m.Engine.DisplacementLitres + " л"))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a car (no <paramref name="carId"/>) or changes one of the owner's.</summary>
    public async Task<CarSaved> SaveAsync(string ownerId, int? carId, CarDraft draft, CancellationToken cancellationToken)
    {
        var car = carId is null ? null : await FindOwnAsync(ownerId, carId.Value, cancellationToken);
        if (carId is not null && car is null)
        {
            return new CarSaved.NotFound();
        }

        var offered = await GalleryAsync(ownerId, carId, cancellationToken);
        var model = offered.Any(m => m.Id == draft.ModelId)
            ? await db.CarModels.Include(m => m.Engine).SingleOrDefaultAsync(m => m.Id == draft.ModelId, cancellationToken)
            : null;
        if (model is null)
        {
            return new CarSaved.UnknownModel();
        }

        try
        {
            var details = new CarDetails(
                Vin.Parse(draft.Vin), PlateNumber.Parse(draft.Plate), RegistrationCertificateNumber.Parse(draft.Certificate),
                draft.SaleDate, Mileage.FromKilometres(draft.Mileage), model);
            if (car is null)
            {
                car = Car.Register(ownerId, details, clock.Today);
                db.Cars.Add(car);
            }
            else
            {
                car.Edit(details, clock.Today, draft.ConfirmMileageDecrease);
            }
        }
        catch (DomainException error)
        {
            return new CarSaved.Refused(error);
        }

        var others = db.Cars.Where(c => c.IsActive && c.Id != car.Id);
        var vinTaken = await others.AnyAsync(c => c.Vin == car.Vin, cancellationToken);
        var plateTaken = await others.AnyAsync(c => c.Plate == car.Plate, cancellationToken);
        if (vinTaken || plateTaken)
        {
            return new CarSaved.Taken(vinTaken, plateTaken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) is { } constraint)
        {
            // Another car took the VIN or plate between the check and the save.
            var vin = constraint.Contains("vin", StringComparison.Ordinal);
            return new CarSaved.Taken(vin, !vin);
        }

        return new CarSaved.Saved(car);
    }

    /// <summary>
    /// Takes one of the owner's cars out of the garage; null when there is no such car. The Domain refuses while the car
    /// has bookings to come (the exception says how many).
    /// </summary>
    public async Task<Car?> RemoveAsync(string ownerId, int carId, CancellationToken cancellationToken)
    {
        var car = await FindOwnAsync(ownerId, carId, cancellationToken);
        if (car is null)
        {
            return null;
        }

        car.Remove(await UpcomingBookingsAsync(car.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return car;
    }

    /// <summary>Active bookings of the car that have not begun yet (the service centre's local time).</summary>
    private Task<int> UpcomingBookingsAsync(int carId, CancellationToken cancellationToken)
    {
        var now = clock.LocalNow;
        var today = DateOnly.FromDateTime(now);
        var time = TimeOnly.FromDateTime(now);
        return db.Bookings.CountAsync(
            b => b.CarId == carId && b.Status == BookingStatus.Active && (b.Date > today || (b.Date == today && b.Start > time)),
            cancellationToken);
    }
}

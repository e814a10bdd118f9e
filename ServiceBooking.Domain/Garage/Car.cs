using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Garage;

/// <summary>A client's car. Removing it keeps the row (past bookings point at it) but makes it inactive.</summary>
public sealed class Car : Entity
{
    public static readonly DateOnly EarliestSaleDate = new(1950, 1, 1);

    private Car()
    {
    }

    public string OwnerId { get; private set; } = string.Empty;

    public Vin Vin { get; private set; } = default!;

    public PlateNumber Plate { get; private set; } = default!;

    public RegistrationCertificateNumber Certificate { get; private set; } = default!;

    public DateOnly SaleDate { get; private set; }

    public Mileage Mileage { get; private set; }

    public int ModelId { get; private set; }

    public CarModel Model { get; private set; } = default!;

    public bool IsActive { get; private set; }

    public static Car Register(string ownerId, CarDetails details, DateOnly today)
    {
        var car = new Car { OwnerId = Text.Required(ownerId, 450, "Car.Owner"), IsActive = true };
        car.Apply(details, today, details.Mileage);
        return car;
    }

    /// <summary>Changes the car's data. A smaller mileage than before needs the owner's confirmation.</summary>
    public void Edit(CarDetails details, DateOnly today, bool mileageDecreaseConfirmed)
    {
        if (!IsActive)
        {
            throw new DomainException("Car.Removed");
        }

        Apply(details, today, Mileage.ChangeTo(details.Mileage, mileageDecreaseConfirmed));
    }

    /// <summary>
    /// The odometer as the workshop read it when the car arrived. Odometers do not run backwards: a smaller reading than
    /// the recorded one is refused, saying the recorded one (the owner, who knows the car's history, corrects it in the
    /// garage with a confirmation).
    /// </summary>
    public void RecordMileage(Mileage reading)
    {
        if (!IsActive)
        {
            throw new DomainException("Car.Removed");
        }

        Mileage = reading < Mileage ? throw new DomainException("Car.MileageBelowRecorded", Mileage.Kilometres) : reading;
    }

    /// <summary>Takes the car out of the garage. Refused while it has bookings to come: cancel them first.</summary>
    public void Remove(int upcomingBookings)
    {
        if (upcomingBookings > 0)
        {
            throw new DomainException("Car.HasUpcomingBookings", upcomingBookings);
        }

        IsActive = false;
    }

    public bool IsOwnedBy(string userId) => OwnerId == userId;

    private void Apply(CarDetails details, DateOnly today, Mileage mileage)
    {
        if (details.SaleDate > today)
        {
            throw new DomainException("Car.SaleDateInFuture");
        }

        if (details.SaleDate < EarliestSaleDate)
        {
            throw new DomainException("Car.SaleDateTooEarly", EarliestSaleDate);
        }

        if (!details.Model.IsActive && !details.Model.SameAs(Model))
        {
            throw new DomainException("Car.ModelInactive");
        }

        Mileage = mileage;
        Vin = details.Vin;
        Plate = details.Plate;
        Certificate = details.Certificate;
        SaleDate = details.SaleDate;
        Model = details.Model;
        ModelId = details.Model.Id;
    }
}

/// <summary>What the owner fills in for a car.</summary>
public sealed record CarDetails(
    Vin Vin,
    PlateNumber Plate,
    RegistrationCertificateNumber Certificate,
    DateOnly SaleDate,
    Mileage Mileage,
    CarModel Model);

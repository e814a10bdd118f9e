using System.Globalization;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Tests.Catalog.Domain;

/// <summary>
/// Catalog, garage and scheduling objects with sensible defaults; name only what a test is about.
/// Everything is unsaved (Id 0) unless <see cref="WithId"/> gives it the identity of a saved row.
/// </summary>
public static class CatalogBuilder
{
    public static Money Rub(decimal amount) => Money.FromRoubles(amount);

    /// <summary>A decimal from invariant text, for [InlineData] (attributes cannot hold decimals).</summary>
    public static decimal Dec(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    public static Oil NewOil(string brand = "Lukoil Genesis", string viscosity = "5W-30", decimal pricePerLitre = 890m, bool active = true)
    {
        var oil = new Oil(brand, viscosity, Rub(pricePerLitre));
        if (!active)
        {
            oil.Deactivate();
        }

        return oil;
    }

    public static Engine NewEngine(
        string code = "G4FC",
        Oil? oil = null,
        decimal oilVolumeLitres = 4.2m,
        decimal displacementLitres = 1.6m,
        bool active = true)
    {
        var engine = new Engine(code, oil ?? NewOil(), oilVolumeLitres, displacementLitres);
        if (!active)
        {
            engine.Deactivate();
        }

        return engine;
    }

    public static CarModel NewModel(string name = "Kia Rio (IV)", decimal coefficient = 1m, Engine? engine = null, bool active = true)
    {
        var model = new CarModel(name, coefficient, engine ?? NewEngine());
        if (!active)
        {
            model.Deactivate();
        }

        return model;
    }

    public static LabourRate NewRate(
        string name = "Техническое обслуживание",
        LabourKind kind = LabourKind.Maintenance,
        decimal pricePerHour = 2500m,
        bool active = true)
    {
        var rate = new LabourRate(name, kind, Rub(pricePerHour));
        if (!active)
        {
            rate.Deactivate();
        }

        return rate;
    }

    public static Part NewPart(string name = "Масляный фильтр", string? article = "26300-35505", decimal price = 450.5m, CarModel[]? fits = null) =>
        new(name, article, Rub(price), fits ?? []);

    public static RepairType NewRepairType(
        string name = "ТО-1",
        decimal normHours = 1.5m,
        LabourRate? rate = null,
        CarModel? model = null,
        bool includesOilChange = true,
        (Part Part, int Quantity)[]? parts = null)
    {
        var type = new RepairType(name, normHours, rate ?? NewRate(), model, includesOilChange);
        if (parts is { Length: > 0 })
        {
            type.SetParts(parts);
        }

        return type;
    }

    public static CarDetails NewCarDetails(
        CarModel? model = null,
        int mileage = 45_000,
        DateOnly? saleDate = null,
        string vin = "XTA21099043576182",
        string plate = "А123ВС77",
        string certificate = "77 УА 123456") =>
        new(
            Vin.Parse(vin),
            PlateNumber.Parse(plate),
            RegistrationCertificateNumber.Parse(certificate),
            saleDate ?? new DateOnly(2019, 5, 20),
            Mileage.FromKilometres(mileage),
            model ?? NewModel());

    /// <summary>A car in <paramref name="ownerId"/>'s garage, registered on 1 June 2025; <paramref name="active"/> false: removed since.</summary>
    public static Car NewCar(string ownerId = "client-ivan", CarModel? model = null, string plate = "А123ВС77", bool active = true)
    {
        var car = Car.Register(ownerId, NewCarDetails(model: model, plate: plate), new DateOnly(2025, 6, 1));
        if (!active)
        {
            car.Remove(upcomingBookings: 0);
        }

        return car;
    }

    public static ServiceAdvisor NewAdvisor(string lastName = "Кузнецов", string firstName = "Алексей", string? patronymic = "Игоревич", bool active = true)
    {
        var advisor = new ServiceAdvisor(PersonName.Create(lastName, firstName, patronymic));
        if (!active)
        {
            advisor.Deactivate();
        }

        return advisor;
    }

    /// <summary>Gives an entity the identity of a saved row, as the database would when loading it.</summary>
    public static T WithId<T>(this T entity, int id)
        where T : Entity
    {
        typeof(Entity).GetProperty(nameof(Entity.Id))!.SetValue(entity, id);
        return entity;
    }
}

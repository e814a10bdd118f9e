using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Catalog;

/// <summary>
/// The demo catalog for <c>./run.sh</c>: eight models common in Russia with their real engine codes and oil volumes,
/// oils, labour rates, filters, plugs and pads, "Диагностика" for any model and ТО-1…ТО-4 for every model, four
/// service advisors and the New Year holidays as days off. Added once: nothing is added when car models exist.
/// </summary>
public sealed class DemoCatalog(ApplicationDbContext db, PictureStore pictures, TimeProvider clock)
{
    private sealed record ModelSpec(string Name, string Slug, decimal Coefficient, string EngineCode, decimal Displacement, decimal OilLitres, string Oil);

    private sealed record PartSpec(string Name, string Article, decimal Price, string Kind, params string[] Models);

    private static readonly ModelSpec[] Models =
    [
        new("Lada Vesta", "lada-vesta", 1.00m, "VAZ-21129", 1.6m, 4.40m, "Лукойл Genesis 5W-40"),
        new("Kia Rio (IV)", "kia-rio-iv", 1.05m, "G4FG", 1.6m, 3.60m, "Shell Helix HX8 5W-30"),
        new("Hyundai Solaris (II)", "hyundai-solaris-ii", 1.05m, "G4LC", 1.4m, 3.60m, "Shell Helix HX8 5W-30"),
        new("Toyota Camry (XV70)", "toyota-camry-xv70", 1.35m, "A25A-FKS", 2.5m, 4.50m, "Toyota Genuine 0W-20"),
        new("Volkswagen Polo (VI)", "vw-polo-vi", 1.10m, "CWVA", 1.6m, 3.60m, "Mobil 1 ESP 5W-30"),
        new("Skoda Octavia (A7)", "skoda-octavia-a7", 1.20m, "CZDA", 1.4m, 4.00m, "Mobil 1 ESP 5W-30"),
        new("Renault Logan (II)", "renault-logan-ii", 1.00m, "K7M", 1.6m, 3.40m, "Total Quartz INEO 5W-30"),
        new("Haval Jolion", "haval-jolion", 1.25m, "GW4B15A", 1.5m, 4.20m, "Shell Helix HX8 5W-30"),
    ];

    private static readonly (string Brand, string Viscosity, decimal Price)[] Oils =
    [
        ("Лукойл Genesis", "5W-40", 780m),
        ("Shell Helix HX8", "5W-30", 950m),
        ("Toyota Genuine", "0W-20", 1190m),
        ("Mobil 1 ESP", "5W-30", 1350m),
        ("Total Quartz INEO", "5W-30", 1100m),
    ];

    private const string Vesta = "Lada Vesta", Rio = "Kia Rio (IV)", Solaris = "Hyundai Solaris (II)", Camry = "Toyota Camry (XV70)",
        Polo = "Volkswagen Polo (VI)", Octavia = "Skoda Octavia (A7)", Logan = "Renault Logan (II)", Jolion = "Haval Jolion";

    private static readonly PartSpec[] Parts =
    [
        new("Масляный фильтр LADA", "21080-1012005-08", 350m, "oil", Vesta),
        new("Воздушный фильтр LADA", "21129-1109080", 450m, "air", Vesta),
        new("Салонный фильтр LADA", "8450006392", 550m, "cabin", Vesta),
        new("Свеча зажигания LADA", "21129-3707010", 220m, "plug", Vesta),
        new("Колодки тормозные передние LADA", "8450008941", 1900m, "pads", Vesta),
        new("Масляный фильтр Hyundai/Kia", "26300-35505", 650m, "oil", Rio, Solaris),
        new("Воздушный фильтр Hyundai/Kia", "28113-H8100", 900m, "air", Rio, Solaris),
        new("Салонный фильтр Hyundai/Kia", "97133-H8000", 800m, "cabin", Rio, Solaris),
        new("Свеча зажигания Hyundai/Kia", "18846-11070", 750m, "plug", Rio, Solaris),
        new("Колодки тормозные передние Hyundai/Kia", "58101-H5A00", 3900m, "pads", Rio, Solaris),
        new("Фильтрующий элемент масляный Toyota", "04152-YZZA1", 850m, "oil", Camry),
        new("Воздушный фильтр Toyota", "17801-0V040", 1700m, "air", Camry),
        new("Салонный фильтр Toyota", "87139-0E040", 1500m, "cabin", Camry),
        new("Свеча зажигания Denso", "90919-01275", 1100m, "plug", Camry),
        new("Колодки тормозные передние Toyota", "04465-33480", 6900m, "pads", Camry),
        new("Масляный фильтр VAG EA211", "04E115561H", 900m, "oil", Polo, Octavia),
        new("Свеча зажигания VAG EA211", "04E905612C", 900m, "plug", Polo, Octavia),
        new("Воздушный фильтр Volkswagen Polo", "6R0129620A", 1100m, "air", Polo),
        new("Салонный фильтр Volkswagen Polo", "6R0820367", 950m, "cabin", Polo),
        new("Воздушный фильтр Skoda Octavia", "5Q0129620B", 1400m, "air", Octavia),
        new("Салонный фильтр Skoda Octavia", "5Q0819653", 1200m, "cabin", Octavia),
        new("Масляный фильтр Renault", "8200768913", 450m, "oil", Logan),
        new("Воздушный фильтр Renault", "165467674R", 650m, "air", Logan),
        new("Салонный фильтр Renault", "272772835R", 700m, "cabin", Logan),
        new("Свеча зажигания Renault", "7700500155", 350m, "plug", Logan),
        new("Масляный фильтр Haval", "1017100XEG61", 700m, "oil", Jolion),
        new("Воздушный фильтр Haval", "1109101XGW01A", 1200m, "air", Jolion),
        new("Салонный фильтр Haval", "8104400XGW02A", 900m, "cabin", Jolion),
        new("Свеча зажигания Haval", "3707100XEG64", 800m, "plug", Jolion),
    ];

    /// <summary>ТО-1…ТО-4: norm-hours and which parts (by kind, with quantity); all of them change the oil.</summary>
    private static readonly (string Name, decimal Hours, (string Kind, int Quantity)[] Parts)[] Maintenance =
    [
        ("ТО-1", 1.0m, [("oil", 1)]),
        ("ТО-2", 1.5m, [("oil", 1), ("air", 1), ("cabin", 1)]),
        ("ТО-3", 1.2m, [("oil", 1), ("cabin", 1)]),
        ("ТО-4", 2.5m, [("oil", 1), ("air", 1), ("cabin", 1), ("plug", 4)]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedPicturesAsync(cancellationToken);
        if (await db.CarModels.AnyAsync(cancellationToken))
        {
            return;
        }

        var oils = Oils.ToDictionary(o => $"{o.Brand} {o.Viscosity}", o => new Oil(o.Brand, o.Viscosity, Money.FromRoubles(o.Price)));
        var models = new Dictionary<string, CarModel>();
        foreach (var spec in Models)
        {
            var engine = new Engine(spec.EngineCode, oils[spec.Oil], spec.OilLitres, spec.Displacement);
            var model = new CarModel(spec.Name, spec.Coefficient, engine);
            model.SetPicture(spec.Slug + ".svg");
            models[spec.Name] = model;
        }

        var diagnostics = new LabourRate("Диагностика", LabourKind.Diagnostics, Money.FromRoubles(2200m));
        var maintenance = new LabourRate("Техническое обслуживание", LabourKind.Maintenance, Money.FromRoubles(2600m));
        var equipment = new LabourRate("Установка доп. оборудования", LabourKind.ExtraEquipment, Money.FromRoubles(3000m));
        var parts = Parts.Select(p => (Spec: p, Part: new Part(p.Name, p.Article, Money.FromRoubles(p.Price), p.Models.Select(m => models[m])))).ToList();

        db.AddRange(oils.Values);
        db.AddRange(models.Values);
        db.AddRange(diagnostics, maintenance, equipment);
        db.AddRange(parts.Select(p => p.Part));
        db.Add(new RepairType("Диагностика", 1.0m, diagnostics, carModel: null, includesOilChange: false));
        foreach (var model in models.Values)
        {
            foreach (var (name, hours, needs) in Maintenance)
            {
                var type = new RepairType(name, hours, maintenance, model, includesOilChange: true);
                type.SetParts(needs.Select(n => (parts.Single(p => p.Spec.Kind == n.Kind && p.Part.FitsModel(model)).Part, n.Quantity)));
                db.Add(type);
            }
        }

        db.AddRange(
            new ServiceAdvisor(PersonName.Create("Кузнецов", "Алексей", "Игоревич")),
            new ServiceAdvisor(PersonName.Create("Соколова", "Марина", "Андреевна")),
            new ServiceAdvisor(PersonName.Create("Волков", "Дмитрий", "Сергеевич")),
            new ServiceAdvisor(PersonName.Create("Морозова", "Елена", "Викторовна")));

        // The next New Year holidays (1–8 January), as Russian service centres close then.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var year = today.Month == 1 && today.Day <= 8 ? today.Year : today.Year + 1;
        db.AddRange(Enumerable.Range(1, 8).Select(day => new DayOff(new DateOnly(year, 1, day), "Новогодние каникулы")));

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A Kia Rio in the demo client's garage, so booking can be tried at once.</summary>
    public async Task SeedDemoCarAsync(string ownerId, CancellationToken cancellationToken)
    {
        var vin = Domain.Garage.Vin.Parse("Z94C241BBJR012345");
        if (await db.Cars.AnyAsync(c => c.Vin == vin, cancellationToken))
        {
            return;
        }

        var model = await db.CarModels.Include(m => m.Engine).SingleAsync(m => m.Name == Rio, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.Cars.Add(Domain.Garage.Car.Register(ownerId, new Domain.Garage.CarDetails(
            vin, Domain.Garage.PlateNumber.Parse("В777ОР77"), Domain.Garage.RegistrationCertificateNumber.Parse("77 УА 123456"),
            today.AddYears(-3), Domain.Garage.Mileage.FromKilometres(45200), model), today));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedPicturesAsync(CancellationToken cancellationToken)
    {
        var assembly = typeof(DemoCatalog).Assembly;
        foreach (var spec in Models)
        {
            await using var stream = assembly.GetManifestResourceStream($"DemoPictures.{spec.Slug}.svg")
                ?? throw new InvalidOperationException($"The picture of {spec.Name} is missing from the build.");
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            await pictures.SaveBundledAsync(spec.Slug + ".svg", buffer.ToArray(), cancellationToken);
        }
    }
}

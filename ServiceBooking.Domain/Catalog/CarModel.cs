using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

/// <summary>
/// A car model with its generation in brackets (<c>Kia Rio (IV)</c>), its picture, its engine and the coefficient
/// that scales the labour price (a big SUV takes longer than a city car).
/// </summary>
public sealed class CarModel : Entity, IActivatable
{
    public const int MaxNameLength = 100;
    public const decimal MinCoefficient = 0.5m;
    public const decimal MaxCoefficient = 5m;

    private CarModel()
    {
    }

    public CarModel(string name, decimal coefficient, Engine engine)
    {
        Update(name, coefficient, engine);
        IsActive = true;
    }

    public string Name { get; private set; } = string.Empty;

    public decimal Coefficient { get; private set; }

    public int EngineId { get; private set; }

    public Engine Engine { get; private set; } = default!;

    /// <summary>Stored file name of the picture (in the configured picture folder), or null when there is none yet.</summary>
    public string? Picture { get; private set; }

    public bool IsActive { get; private set; }

    public void Update(string name, decimal coefficient, Engine engine)
    {
        var value = Text.Required(name, MaxNameLength, "CarModel.Name");
        var factor = Text.InRange(coefficient, MinCoefficient, MaxCoefficient, 2, "CarModel.Coefficient");
        if (!Choices.MayChoose(engine, Engine))
        {
            throw new DomainException("CarModel.EngineInactive");
        }

        (Name, Coefficient, Engine, EngineId) = (value, factor, engine, engine.Id);
    }

    public void SetPicture(string fileName) => Picture = Text.Required(fileName, 200, "CarModel.Picture");

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

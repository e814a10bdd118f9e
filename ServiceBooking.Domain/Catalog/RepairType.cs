using System.Linq.Expressions;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

/// <summary>
/// A kind of work (Диагностика, ТО-1, ТО-2, …): norm-hours at a labour rate, the parts it uses, the car model it is
/// for (none: any model) and whether it includes an oil change.
/// </summary>
public sealed class RepairType : Entity, IActivatable
{
    public const decimal MaxNormHours = 100m;

    private readonly List<RepairTypePart> _parts = [];

    private RepairType()
    {
    }

    public RepairType(string name, decimal normHours, LabourRate labourRate, CarModel? carModel, bool includesOilChange)
    {
        Update(name, normHours, labourRate, carModel, includesOilChange);
        IsActive = true;
    }

    public string Name { get; private set; } = string.Empty;

    public decimal NormHours { get; private set; }

    public int LabourRateId { get; private set; }

    public LabourRate LabourRate { get; private set; } = default!;

    /// <summary>The model this work is for; null means any model.</summary>
    public int? CarModelId { get; private set; }

    public CarModel? CarModel { get; private set; }

    public bool IncludesOilChange { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyList<RepairTypePart> Parts => _parts;

    /// <summary>Changes the type and keeps its parts, which must fit the (new) model.</summary>
    public void Update(string name, decimal normHours, LabourRate labourRate, CarModel? carModel, bool includesOilChange)
    {
        CheckPartsFitModel(_parts.Select(p => p.Part), carModel);
        Apply(name, normHours, labourRate, carModel, includesOilChange);
    }

    /// <summary>Changes the type and its parts together, all or nothing: the new parts are checked against the new model.</summary>
    public void Update(
        string name, decimal normHours, LabourRate labourRate, CarModel? carModel, bool includesOilChange, IEnumerable<(Part Part, int Quantity)> parts)
    {
        var lines = CheckParts(parts, carModel);
        Apply(name, normHours, labourRate, carModel, includesOilChange);
        ReplaceParts(lines);
    }

    /// <summary>Replaces the parts list. Each part once, 1 to 100 of it, active, and fitting the model when the type has one.</summary>
    public void SetParts(IEnumerable<(Part Part, int Quantity)> parts) => ReplaceParts(CheckParts(parts, CarModel));

    /// <summary>Whether a car of <paramref name="model"/> can have this work done (active or not: a stored price still needs it).</summary>
    public bool IsFor(CarModel model) => CarModel is null || CarModel.SameAs(model);

    /// <summary>Whether this work can be booked for a car of <paramref name="model"/>: it is active, and for any model or for that one.</summary>
    public bool IsAvailableFor(CarModel model) => IsActive && IsFor(model);

    /// <summary>
    /// <see cref="IsAvailableFor"/> as a query filter, for the model with id <paramref name="carModelId"/>: the work a car
    /// of that model is offered.
    /// </summary>
    public static Expression<Func<RepairType, bool>> AvailableFor(int carModelId) =>
        type => type.IsActive && (type.CarModelId == null || type.CarModelId == carModelId);

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Checks the type's own fields, then assigns them all (nothing changes when a check fails).</summary>
    private void Apply(string name, decimal normHours, LabourRate labourRate, CarModel? carModel, bool includesOilChange)
    {
        var value = Text.Required(name, 100, "RepairType.Name");
        var hours = Text.InRange(normHours, 0.1m, MaxNormHours, 2, "RepairType.NormHours");
        if (!Choices.MayChoose(labourRate, LabourRate))
        {
            throw new DomainException("RepairType.LabourRateInactive");
        }

        if (carModel is not null && !Choices.MayChoose(carModel, CarModel))
        {
            throw new DomainException("RepairType.ModelInactive", carModel.Name);
        }

        (Name, NormHours, LabourRate, LabourRateId) = (value, hours, labourRate, labourRate.Id);
        (CarModel, CarModelId, IncludesOilChange) = (carModel, carModel?.Id, includesOilChange);
    }

    private List<(Part Part, int Quantity)> CheckParts(IEnumerable<(Part Part, int Quantity)> parts, CarModel? model)
    {
        var list = parts.ToList();
        if (list.Any(p => p.Quantity is < 1 or > 100))
        {
            throw new DomainException("RepairType.PartQuantityOutOfRange", 1, 100);
        }

        if (list.Select(p => p.Part).Any(part => list.Count(other => other.Part.SameAs(part)) > 1))
        {
            throw new DomainException("RepairType.PartTwice");
        }

        var inactive = list.Select(p => p.Part).FirstOrDefault(part => !Choices.MayChoose(part, _parts.Select(existing => existing.Part)));
        if (inactive is not null)
        {
            throw new DomainException("RepairType.PartInactive", inactive.Name);
        }

        CheckPartsFitModel(list.Select(p => p.Part), model);
        return list;
    }

    private void ReplaceParts(List<(Part Part, int Quantity)> lines)
    {
        _parts.Clear();
        _parts.AddRange(lines.Select(p => new RepairTypePart(p.Part, p.Quantity)));
    }

    private static void CheckPartsFitModel(IEnumerable<Part> parts, CarModel? model)
    {
        if (model is not null && parts.FirstOrDefault(p => !p.FitsModel(model)) is { } misfit)
        {
            throw new DomainException("RepairType.PartDoesNotFit", misfit.Name, model.Name);
        }
    }
}

/// <summary>One line of a repair type's parts list.</summary>
public sealed class RepairTypePart
{
    private RepairTypePart()
    {
    }

    internal RepairTypePart(Part part, int quantity)
    {
        Part = part;
        PartId = part.Id;
        Quantity = quantity;
    }

    public int PartId { get; private set; }

    public Part Part { get; private set; } = default!;

    public int Quantity { get; private set; }
}

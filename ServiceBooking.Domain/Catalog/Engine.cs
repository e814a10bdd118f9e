using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Catalog;

/// <summary>An engine by its manufacturer code (<c>G4FC</c>), with the oil it needs, how much of it, and its displacement.</summary>
public sealed class Engine : Entity, IActivatable
{
    public const int MaxCodeLength = 32;

    private Engine()
    {
    }

    public Engine(string code, Oil oil, decimal oilVolumeLitres, decimal displacementLitres)
    {
        Update(code, oil, oilVolumeLitres, displacementLitres);
        IsActive = true;
    }

    public string Code { get; private set; } = string.Empty;

    public int OilId { get; private set; }

    public Oil Oil { get; private set; } = default!;

    /// <summary>Oil needed for an oil change, litres (two decimals at most: 4.25).</summary>
    public decimal OilVolumeLitres { get; private set; }

    /// <summary>Engine displacement, litres (one decimal): 1.6.</summary>
    public decimal DisplacementLitres { get; private set; }

    public bool IsActive { get; private set; }

    public void Update(string code, Oil oil, decimal oilVolumeLitres, decimal displacementLitres)
    {
        var value = OneAlphabet(Text.Required(code, MaxCodeLength, "Engine.Code").ToUpperInvariant());
        if (!value.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or ' '))
        {
            throw new DomainException("Engine.CodeInvalid");
        }

        if (!Choices.MayChoose(oil, Oil))
        {
            throw new DomainException("Engine.OilInactive");
        }

        var volume = Text.InRange(oilVolumeLitres, 0.5m, 30m, 2, "Engine.OilVolume");
        var displacement = Text.InRange(displacementLitres, 0.5m, 10m, 1, "Engine.Displacement");
        (Code, Oil, OilId, OilVolumeLitres, DisplacementLitres) = (value, oil, oil.Id, volume, displacement);
    }

    /// <summary>
    /// A code is written in one alphabet: Latin ("G4FC") unless it has a Cyrillic letter with no Latin twin ("ВАЗ-21126").
    /// A look-alike typed on the other keyboard layout must not make a second "G4FC".
    /// </summary>
    private static string OneAlphabet(string code)
    {
        var latin = new string([.. code.Select(Lookalikes.ToLatin)]);
        return latin.All(c => c < 128) ? latin : new string([.. code.Select(Lookalikes.ToCyrillic)]);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

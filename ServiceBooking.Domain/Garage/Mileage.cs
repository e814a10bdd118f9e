using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.Garage;

/// <summary>Odometer reading in whole kilometres: 0 to 3 000 000.</summary>
public readonly record struct Mileage : IComparable<Mileage>
{
    public const int MaxKilometres = 3_000_000;

    private Mileage(int kilometres) => Kilometres = kilometres;

    public int Kilometres { get; }

    public static Mileage FromKilometres(int kilometres) => kilometres switch
    {
        < 0 => throw new DomainException("Mileage.Negative"),
        > MaxKilometres => throw new DomainException("Mileage.TooLarge", MaxKilometres),
        _ => new Mileage(kilometres),
    };

    /// <summary>
    /// The reading after an edit. Odometers do not run backwards: a smaller number is accepted only when the owner
    /// confirms it (a typo fixed, a replaced instrument cluster).
    /// </summary>
    public Mileage ChangeTo(Mileage next, bool decreaseConfirmed) =>
        next.Kilometres < Kilometres && !decreaseConfirmed
            ? throw new DomainException("Mileage.Decreased", Kilometres)
            : next;

    public int CompareTo(Mileage other) => Kilometres.CompareTo(other.Kilometres);

    public static bool operator <(Mileage left, Mileage right) => left.Kilometres < right.Kilometres;

    public static bool operator >(Mileage left, Mileage right) => left.Kilometres > right.Kilometres;

    public static bool operator <=(Mileage left, Mileage right) => left.Kilometres <= right.Kilometres;

    public static bool operator >=(Mileage left, Mileage right) => left.Kilometres >= right.Kilometres;
}

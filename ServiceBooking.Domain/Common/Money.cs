using System.Globalization;

namespace ServiceBooking.Domain.Common;

/// <summary>
/// An amount of roubles with kopeck precision. Every amount is rounded to kopecks half away from zero
/// (2.345 → 2.35, 2.344 → 2.34), the way a Russian receipt is.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public const decimal MaxAmount = 100_000_000m;

    private Money(decimal amount) => Amount = amount;

    public static Money Zero { get; } = new(0m);

    /// <summary>Roubles, rounded to two decimals.</summary>
    public decimal Amount { get; }

    /// <summary>A price: non-negative, at most <see cref="MaxAmount"/>, rounded to kopecks.</summary>
    public static Money FromRoubles(decimal amount)
    {
        if (amount < 0)
        {
            throw new DomainException("Money.Negative");
        }

        if (amount > MaxAmount)
        {
            throw new DomainException("Money.TooLarge", MaxAmount);
        }

        return new Money(Round(amount));
    }

    /// <summary>Rounds to kopecks, half away from zero.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>This amount times <paramref name="factor"/>, rounded to kopecks.</summary>
    public Money Times(decimal factor) => FromRoubles(Amount * factor);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount);

    public static Money Add(Money left, Money right) => left + right;

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>"1234.50": invariant, for storage and logs. Pages format with the reader's culture.</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);
}

using ServiceBooking.Domain.Common;

namespace ServiceBooking.Domain.WorkOrders;

/// <summary>A way of doing the work, offered to the client with its price.</summary>
public sealed record WorkOption
{
    public const int MaxDescriptionLength = 300;

    private WorkOption(string description, Money price) => (Description, Price) = (description, price);

    public string Description { get; }

    public Money Price { get; }

    public static WorkOption Create(string? description, Money price) =>
        new(Text.Required(description, MaxDescriptionLength, "WorkOption.Description"), price);
}

/// <summary>One line of the expenses stage: what it was for, a word on it, the sum and the receipt's photo.</summary>
public sealed record ExpenseLine
{
    public const int MaxDescriptionLength = 200;

    private ExpenseLine(ExpenseKind kind, string description, Money sum, string receipt) =>
        (Kind, Description, Sum, Receipt) = (kind, description, sum, receipt);

    public ExpenseKind Kind { get; }

    public string Description { get; }

    public Money Sum { get; }

    /// <summary>The stored photo of the receipt.</summary>
    public string Receipt { get; }

    public static ExpenseLine Create(ExpenseKind kind, string? description, Money sum, string? receipt)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Expense.Kind");
        }

        if (sum == Money.Zero)
        {
            throw new DomainException("Expense.Zero");
        }

        return new ExpenseLine(kind, Text.Required(description, MaxDescriptionLength, "Expense.Description"), sum,
            Text.Required(receipt, 200, "Expense.Receipt"));
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Modules.WorkOrders.Data;

/// <summary>How the work orders' value objects are stored, validated again by the Domain when read.</summary>
internal static class WorkOrderConverters
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<OrderNumber, string> Number = new(n => n.ToString(), s => ReadNumber(s));

    public static readonly ValueConverter<IReadOnlyList<WorkOption>, string> Options = new(options => Write(options), json => ReadOptions(json));

    public static readonly ValueConverter<IReadOnlyList<ExpenseLine>, string> Expenses = new(lines => Write(lines), json => ReadExpenses(json));

    public static readonly ValueComparer<IReadOnlyList<WorkOption>> OptionsComparer = ListComparer<WorkOption>();

    public static readonly ValueComparer<IReadOnlyList<ExpenseLine>> ExpensesComparer = ListComparer<ExpenseLine>();

    private static OrderNumber ReadNumber(string text) =>
        OrderNumber.TryParse(text) ?? throw new InvalidOperationException($"'{text}' in work_orders.number is not an order number.");

    private static string Write(IReadOnlyList<WorkOption> options) =>
        JsonSerializer.Serialize(options.Select(o => new OptionRow(o.Description, o.Price.Amount)).ToList(), Json);

    private static string Write(IReadOnlyList<ExpenseLine> lines) =>
        JsonSerializer.Serialize(lines.Select(l => new ExpenseRow(l.Kind.ToString(), l.Description, l.Sum.Amount, l.Receipt)).ToList(), Json);

    private static List<WorkOption> ReadOptions(string json) =>
        [.. (JsonSerializer.Deserialize<List<OptionRow>>(json, Json) ?? []).Select(o => WorkOption.Create(o.Description, Money.FromRoubles(o.Price)))];

    private static List<ExpenseLine> ReadExpenses(string json) =>
        [.. (JsonSerializer.Deserialize<List<ExpenseRow>>(json, Json) ?? []).Select(l =>
            ExpenseLine.Create(Enum.Parse<ExpenseKind>(l.Kind), l.Description, Money.FromRoubles(l.Sum), l.Receipt))];

    /// <summary>Lists of records compare by their items (the records compare by value).</summary>
    private static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());

    private sealed record OptionRow(string Description, decimal Price);

    private sealed record ExpenseRow(string Kind, string Description, decimal Sum, string Receipt);
}

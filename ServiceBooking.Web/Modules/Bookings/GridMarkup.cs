using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using ServiceBooking.Domain.Bookings;

namespace ServiceBooking.Web.Modules.Bookings;

/// <summary>Which of a day's rendered grids: the client's (others' bookings "busy"), the client's with every booking
/// shown as one's own (where a viewer's own cell is taken from), or the desk's with who booked what.</summary>
public enum GridMode
{
    Client,
    ClientOwn,
    Desk,
}

/// <summary>What a rendered grid depends on besides the day's version.</summary>
/// <param name="Mode">Whose grid it is: a client's (with or without their own booking that day) or the desk's.</param>
/// <param name="Culture">The UI culture it was rendered in.</param>
/// <param name="Facts">The reading of advisors and days off it was made from (<see cref="CalendarFacts.Snapshot.Id"/>).</param>
/// <param name="Open">Whether the day can be booked at all.</param>
/// <param name="Started">How many of the day's half-hours have begun (they show closed).</param>
public readonly record struct GridMarkupKey(GridMode Mode, string Culture, long Facts, bool Open, int Started);

/// <summary>
/// A day's grid rendered once by <see cref="Components.SlotGridView"/>, with where each cell's <c>&lt;td&gt;</c> is in
/// it, so that a viewer's own cell can be put in (<see cref="WithCell"/>) and changed cells sent alone
/// (<see cref="Cell"/>) without rendering again.
/// </summary>
public sealed class GridMarkup
{
    private const string CellStart = "<td class=\"slot ";
    private const string CellEnd = "</td>";

    private readonly string _html;
    private readonly Dictionary<(TimeOnly, int), (int Start, int Length)> _cells;

    private GridMarkup(string html, DayGrid grid, Dictionary<(TimeOnly, int), (int, int)> cells)
    {
        _html = html;
        Grid = grid;
        _cells = cells;
    }

    /// <summary>The grid it was rendered from (as staff see it: no cell is anyone's "own" but in <see cref="GridMode.ClientOwn"/>).</summary>
    public DayGrid Grid { get; }

    public int Length => _html.Length;

    /// <summary>Indexes <paramref name="html"/>: the component writes the cells row by row, advisor by advisor.</summary>
    public static GridMarkup Index(string html, DayGrid grid)
    {
        var cells = new Dictionary<(TimeOnly, int), (int, int)>(grid.Times.Count * grid.Advisors.Count);
        var at = 0;
        foreach (var start in grid.Times)
        {
            foreach (var advisor in grid.Advisors)
            {
                var begin = html.IndexOf(CellStart, at, StringComparison.Ordinal);
                var end = begin < 0 ? -1 : html.IndexOf(CellEnd, begin, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new InvalidOperationException($"The grid of {grid.Date} has fewer cells than it should.");
                }

                at = end + CellEnd.Length;
                cells[(start, advisor.Id)] = (begin, at - begin);
            }
        }

        return new GridMarkup(html, grid, cells);
    }

    /// <summary>One cell's <c>&lt;td&gt;…&lt;/td&gt;</c>.</summary>
    public ReadOnlySpan<char> Cell(TimeOnly start, int advisorId) =>
        _cells.TryGetValue((start, advisorId), out var span) ? _html.AsSpan(span.Start, span.Length) : [];

    /// <summary>The cell as an out-of-band swap that replaces the same cell of the same day's grid on the page.</summary>
    public string OutOfBandCell(DateOnly date, TimeOnly start, int advisorId)
    {
        var cell = Cell(start, advisorId);
        var selector = string.Create(CultureInfo.InvariantCulture,
            $"[data-testid=slot-grid][data-date='{date:yyyy-MM-dd}'] td[data-time='{start:HH\\:mm}'][data-advisor='{advisorId}']");
        return string.Concat("<td hx-swap-oob=\"outerHTML:", selector, "\"", cell[3..]);
    }

    /// <summary>The whole grid as it is.</summary>
    public IHtmlContent AsIs() => new Spliced(this, null, default);

    /// <summary>The grid with one cell taken from <paramref name="other"/> (the viewer's own booking).</summary>
    public IHtmlContent WithCell(GridMarkup other, TimeOnly start, int advisorId) => new Spliced(this, other, (start, advisorId));

    /// <remarks>
    /// Also <see cref="IHtmlAsyncContent"/>: Razor writes a plain <see cref="IHtmlContent"/> synchronously into a buffer
    /// of pooled 1 024-character pages and only then to the response, so a 300 KB desk grid was copied into some 300
    /// pages per answer (bench/RESULTS.md, memory). Written asynchronously it goes through the response writer's own
    /// buffer, a chunk at a time.
    /// </remarks>
    private sealed class Spliced(GridMarkup grid, GridMarkup? other, (TimeOnly, int) key) : IHtmlContent, IHtmlAsyncContent
    {
        /// <summary>Characters copied per write when a part of the grid is written (a string cannot be written in part asynchronously).</summary>
        private const int Chunk = 8 * 1024;

        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            if (other is null || !grid._cells.TryGetValue(key, out var span))
            {
                writer.Write(grid._html);
                return;
            }

            writer.Write(grid._html.AsSpan(0, span.Start));
            writer.Write(other.Cell(key.Item1, key.Item2));
            writer.Write(grid._html.AsSpan(span.Start + span.Length));
        }

        public async ValueTask WriteToAsync(TextWriter writer)
        {
            if (other is null || !grid._cells.TryGetValue(key, out var span))
            {
                await writer.WriteAsync(grid._html);
                return;
            }

            var cell = other._cells.GetValueOrDefault(key);
            var buffer = ArrayPool<char>.Shared.Rent(Chunk);
            try
            {
                await WritePartAsync(writer, grid._html, 0, span.Start, buffer);
                await WritePartAsync(writer, other._html, cell.Start, cell.Length, buffer);
                await WritePartAsync(writer, grid._html, span.Start + span.Length, grid._html.Length - span.Start - span.Length, buffer);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        private static async Task WritePartAsync(TextWriter writer, string html, int start, int length, char[] buffer)
        {
            while (length > 0)
            {
                var count = Math.Min(length, buffer.Length);
                html.CopyTo(start, buffer, 0, count);
                await writer.WriteAsync(buffer, 0, count);
                start += count;
                length -= count;
            }
        }
    }
}

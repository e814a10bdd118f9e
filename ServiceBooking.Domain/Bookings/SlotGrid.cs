using ServiceBooking.Domain.Scheduling;

namespace ServiceBooking.Domain.Bookings;

public enum CellState
{
    /// <summary>Nobody has it: it can be booked.</summary>
    Free,

    /// <summary>A booking there was cancelled and nobody has taken it since: it can be booked.</summary>
    Cancelled,

    /// <summary>Someone else's active booking.</summary>
    Busy,

    /// <summary>The viewer's own active booking.</summary>
    Own,

    /// <summary>Already begun, or on a day that cannot be booked (a day off, beyond the horizon).</summary>
    Closed,
}

/// <summary>A booking as the grid needs it.</summary>
public sealed record GridBooking(int Id, int AdvisorId, TimeOnly Start, string ClientId, BookingStatus Status);

public sealed record GridCell(TimeOnly Start, int AdvisorId, CellState State, int? BookingId)
{
    public bool IsBookable => State is CellState.Free or CellState.Cancelled;
}

public sealed record GridAdvisor(int Id, string Name);

/// <summary>One day of the calendar: a row per half-hour, a column per active service advisor.</summary>
public sealed record DayGrid(DateOnly Date, bool IsClosedDay, IReadOnlyList<GridAdvisor> Advisors, IReadOnlyList<TimeOnly> Times, IReadOnlyDictionary<(TimeOnly Start, int AdvisorId), GridCell> Cells)
{
    public GridCell Cell(TimeOnly start, int advisorId) => Cells[(start, advisorId)];
}

public static class SlotGrid
{
    /// <summary>
    /// The state of every cell of <paramref name="date"/> for <paramref name="viewerId"/> (null for staff, who see no
    /// "own" cells). Active bookings show whatever the time; empty cells that have begun, or on a closed day, are closed.
    /// </summary>
    public static DayGrid Build(
        DateOnly date, IEnumerable<GridAdvisor> advisors, IEnumerable<GridBooking> bookings, string? viewerId, DateTime localNow, bool closedDay)
    {
        var columns = advisors.ToList();
        var byCell = bookings.ToLookup(b => (b.Start, b.AdvisorId));
        var cells = new Dictionary<(TimeOnly, int), GridCell>();
        foreach (var start in TimeSlot.DayStarts)
        {
            var started = TimeSlot.Create(date, start).HasStartedAt(localNow);
            foreach (var advisor in columns)
            {
                var here = byCell[(start, advisor.Id)].ToList();
                var active = here.FirstOrDefault(b => b.Status == BookingStatus.Active);
                var cell = active is not null
                    ? new GridCell(start, advisor.Id, active.ClientId == viewerId ? CellState.Own : CellState.Busy, active.Id)
                    : started || closedDay
                        ? new GridCell(start, advisor.Id, CellState.Closed, null)
                        : new GridCell(start, advisor.Id, here.Count > 0 ? CellState.Cancelled : CellState.Free, null);
                cells[(start, advisor.Id)] = cell;
            }
        }

        return new DayGrid(date, closedDay, columns, TimeSlot.DayStarts, cells);
    }
}

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
        var active = new Dictionary<(TimeOnly, int), GridBooking>();
        var cancelled = new HashSet<(TimeOnly, int)>();
        foreach (var booking in bookings)
        {
            if (booking.Status == BookingStatus.Active)
            {
                active[(booking.Start, booking.AdvisorId)] = booking;
            }
            else
            {
                cancelled.Add((booking.Start, booking.AdvisorId));
            }
        }

        var cells = new Dictionary<(TimeOnly, int), GridCell>(TimeSlot.DayStarts.Count * columns.Count);
        foreach (var start in TimeSlot.DayStarts)
        {
            var closed = closedDay || TimeSlot.Create(date, start).HasStartedAt(localNow);
            foreach (var advisor in columns)
            {
                var key = (start, advisor.Id);
                cells[key] = active.TryGetValue(key, out var booking)
                    ? new GridCell(start, advisor.Id, booking.ClientId == viewerId ? CellState.Own : CellState.Busy, booking.Id)
                    : new GridCell(start, advisor.Id, closed ? CellState.Closed : cancelled.Contains(key) ? CellState.Cancelled : CellState.Free, null);
            }
        }

        return new DayGrid(date, closedDay, columns, TimeSlot.DayStarts, cells);
    }
}

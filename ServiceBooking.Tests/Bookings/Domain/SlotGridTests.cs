using ServiceBooking.Domain.Bookings;

namespace ServiceBooking.Tests.Bookings.Domain;

public class SlotGridTests
{
    private const string Ivan = "client-ivan";
    private const string Olga = "client-olga";

    private static readonly DateOnly Day = new(2026, 12, 3);
    private static readonly DateTime DayBefore = new(2026, 12, 2, 12, 0, 0);
    private static readonly TimeOnly Ten = new(10, 0);

    private static readonly GridAdvisor[] Advisors = [new(1, "Кузнецов А. И."), new(2, "Морозова Е. В.")];

    private static DayGrid Build(GridBooking[] bookings, string? viewerId = Ivan, DateTime? localNow = null, bool closedDay = false) =>
        SlotGrid.Build(Day, Advisors, bookings, viewerId, localNow ?? DayBefore, closedDay);

    private static GridBooking Active(int id, TimeOnly start, string clientId, int advisorId = 1) => new(id, advisorId, start, clientId, BookingStatus.Active);

    private static GridBooking Cancelled(int id, TimeOnly start, string clientId, int advisorId = 1) => new(id, advisorId, start, clientId, BookingStatus.Cancelled);

    [Fact]
    public void A_day_without_bookings_is_free_in_every_cell_of_every_advisor()
    {
        var grid = Build([]);

        Assert.Equal(Day, grid.Date);
        Assert.False(grid.IsClosedDay);
        Assert.Equal(Advisors, grid.Advisors);
        Assert.Equal(24, grid.Times.Count);
        Assert.Equal(48, grid.Cells.Count);
        Assert.All(grid.Cells.Values, cell =>
        {
            Assert.Equal(CellState.Free, cell.State);
            Assert.Null(cell.BookingId);
            Assert.True(cell.IsBookable);
        });
    }

    [Fact]
    public void There_is_exactly_one_cell_per_time_and_advisor_and_it_knows_both()
    {
        var grid = Build([]);

        var expected = from time in grid.Times from advisor in new[] { 1, 2 } select (time, advisor);
        Assert.Equal(expected.Order(), grid.Cells.Keys.Select(k => (k.Start, k.AdvisorId)).Order());
        Assert.All(grid.Cells, pair =>
        {
            Assert.Equal(pair.Key.Start, pair.Value.Start);
            Assert.Equal(pair.Key.AdvisorId, pair.Value.AdvisorId);
        });
        Assert.Equal(new GridCell(new TimeOnly(19, 30), 2, CellState.Free, null), grid.Cell(new TimeOnly(19, 30), 2));
    }

    [Fact]
    public void Someone_elses_active_booking_is_busy_in_its_own_cell_only()
    {
        var grid = Build([Active(11, Ten, Olga, advisorId: 1)]);

        Assert.Equal(new GridCell(Ten, 1, CellState.Busy, 11), grid.Cell(Ten, 1));
        Assert.False(grid.Cell(Ten, 1).IsBookable);
        Assert.Equal(CellState.Free, grid.Cell(Ten, 2).State);
        Assert.Equal(CellState.Free, grid.Cell(new TimeOnly(10, 30), 1).State);
        Assert.Equal(CellState.Free, grid.Cell(new TimeOnly(9, 30), 1).State);
    }

    [Fact]
    public void The_viewers_own_active_booking_is_own()
    {
        var grid = Build([Active(11, Ten, Ivan)], viewerId: Ivan);

        Assert.Equal(new GridCell(Ten, 1, CellState.Own, 11), grid.Cell(Ten, 1));
        Assert.False(grid.Cell(Ten, 1).IsBookable);
    }

    [Fact]
    public void Staff_see_no_own_cells_only_busy_ones()
    {
        var grid = Build([Active(11, Ten, Ivan), Active(12, Ten, Olga, advisorId: 2)], viewerId: null);

        Assert.Equal(new GridCell(Ten, 1, CellState.Busy, 11), grid.Cell(Ten, 1));
        Assert.Equal(new GridCell(Ten, 2, CellState.Busy, 12), grid.Cell(Ten, 2));
    }

    [Fact]
    public void A_cell_whose_booking_was_cancelled_shows_cancelled_and_can_be_booked_again()
    {
        var grid = Build([Cancelled(11, Ten, Olga)]);

        Assert.Equal(new GridCell(Ten, 1, CellState.Cancelled, null), grid.Cell(Ten, 1));
        Assert.True(grid.Cell(Ten, 1).IsBookable);
    }

    [Fact]
    public void The_viewers_own_cancelled_booking_shows_cancelled_not_own()
    {
        var grid = Build([Cancelled(11, Ten, Ivan), Cancelled(12, Ten, Ivan)], viewerId: Ivan);

        Assert.Equal(new GridCell(Ten, 1, CellState.Cancelled, null), grid.Cell(Ten, 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_cell_with_a_cancelled_and_an_active_booking_shows_the_active_one(bool cancelledFirst)
    {
        GridBooking[] bookings = cancelledFirst
            ? [Cancelled(11, Ten, Olga), Active(12, Ten, Ivan)]
            : [Active(12, Ten, Ivan), Cancelled(11, Ten, Olga)];

        Assert.Equal(new GridCell(Ten, 1, CellState.Own, 12), Build(bookings, viewerId: Ivan).Cell(Ten, 1));
        Assert.Equal(new GridCell(Ten, 1, CellState.Busy, 12), Build(bookings, viewerId: Olga).Cell(Ten, 1));
    }

    [Fact]
    public void Empty_cells_that_have_begun_are_closed_and_later_ones_stay_open()
    {
        var grid = Build([Cancelled(11, new TimeOnly(9, 30), Olga), Cancelled(12, new TimeOnly(11, 0), Olga)], localNow: new DateTime(2026, 12, 3, 10, 0, 0));

        Assert.Equal(new GridCell(new TimeOnly(8, 0), 1, CellState.Closed, null), grid.Cell(new TimeOnly(8, 0), 1));
        Assert.Equal(CellState.Closed, grid.Cell(new TimeOnly(9, 30), 1).State); // cancelled, but begun
        Assert.Equal(CellState.Closed, grid.Cell(Ten, 2).State); // starts exactly now
        Assert.Equal(CellState.Free, grid.Cell(new TimeOnly(10, 30), 2).State);
        Assert.Equal(CellState.Cancelled, grid.Cell(new TimeOnly(11, 0), 1).State);
        Assert.Equal(10, grid.Cells.Values.Count(c => c.State == CellState.Closed)); // 08:00–10:00, both advisors
    }

    [Fact]
    public void A_whole_past_day_is_closed()
    {
        var grid = Build([], localNow: new DateTime(2026, 12, 4, 8, 0, 0));

        Assert.All(grid.Cells.Values, cell => Assert.Equal(CellState.Closed, cell.State));
    }

    [Fact]
    public void Every_empty_cell_of_a_closed_day_is_closed_and_not_bookable()
    {
        var grid = Build([Cancelled(11, Ten, Olga)], closedDay: true);

        Assert.True(grid.IsClosedDay);
        Assert.All(grid.Cells.Values, cell =>
        {
            Assert.Equal(CellState.Closed, cell.State);
            Assert.Null(cell.BookingId);
            Assert.False(cell.IsBookable);
        });
    }

    [Fact]
    public void An_active_booking_stays_busy_or_own_once_begun_and_on_a_closed_day()
    {
        GridBooking[] bookings = [Active(11, new TimeOnly(8, 0), Ivan), Active(12, new TimeOnly(8, 0), Olga, advisorId: 2)];

        var begun = Build(bookings, viewerId: Ivan, localNow: new DateTime(2026, 12, 3, 8, 10, 0));
        var closedDay = Build(bookings, viewerId: Ivan, closedDay: true);

        foreach (var grid in new[] { begun, closedDay })
        {
            Assert.Equal(new GridCell(new TimeOnly(8, 0), 1, CellState.Own, 11), grid.Cell(new TimeOnly(8, 0), 1));
            Assert.Equal(new GridCell(new TimeOnly(8, 0), 2, CellState.Busy, 12), grid.Cell(new TimeOnly(8, 0), 2));
        }
    }

    [Fact]
    public void Bookings_of_an_advisor_not_in_the_grid_add_no_cells()
    {
        var grid = Build([Active(11, Ten, Olga, advisorId: 3)]);

        Assert.Equal(48, grid.Cells.Count);
        Assert.DoesNotContain(grid.Cells.Keys, k => k.AdvisorId == 3);
        Assert.Equal(CellState.Free, grid.Cell(Ten, 1).State);
    }

    [Theory]
    [InlineData(CellState.Free, true)]
    [InlineData(CellState.Cancelled, true)]
    [InlineData(CellState.Busy, false)]
    [InlineData(CellState.Own, false)]
    [InlineData(CellState.Closed, false)]
    public void Only_free_and_cancelled_cells_are_bookable(CellState state, bool bookable)
    {
        Assert.Equal(bookable, new GridCell(Ten, 1, state, null).IsBookable);
    }
}

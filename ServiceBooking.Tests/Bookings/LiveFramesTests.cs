using System.Net.ServerSentEvents;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings;

namespace ServiceBooking.Tests.Bookings;

/// <summary>
/// An event from one frame to the next is made once for every stream that takes the same step (hundreds wake on one
/// booking), and apart for a step that shows something else: another viewer's own cell, or another grid.
/// </summary>
public sealed class LiveFramesTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly TimeOnly Nine = new(9, 0);

    // Step reads nothing of the cache, the calendar or the clock.
    private readonly LiveFrames _frames = new(null!, null!, null!, null!, null!);

    private static GridMarkup Markup(CellState state)
    {
        var cells = new Dictionary<(TimeOnly, int), GridCell> { [(Nine, 1)] = new(Nine, 1, state, state == CellState.Free ? null : 5) };
        var grid = new DayGrid(Day, false, [new GridAdvisor(1, "Волков")], [Nine], cells);
        return GridMarkup.Index($"<td class=\"slot slot-{state}\" data-time=\"09:00\">{state}</td>", grid);
    }

    private static LiveFrame Frame(long version, GridMarkup main, (TimeOnly, int)? own = null, GridMarkup? owned = null) =>
        new(version, $"\"c{version}\"", main, owned, own);

    [Fact]
    public void The_same_step_is_made_once_and_shared()
    {
        var (free, busy) = (Markup(CellState.Free), Markup(CellState.Busy));
        var made = 0;
        SseItem<string>? Make(LiveFrame from, LiveFrame to) => new SseItem<string>($"step {++made}", "cells");

        var first = _frames.Step(Frame(1, free), Frame(2, busy), Make);
        var second = _frames.Step(Frame(1, free), Frame(2, busy), Make);

        Assert.Equal(1, made);
        Assert.Same(first!.Value.Data, second!.Value.Data);
    }

    [Fact]
    public void A_step_with_another_own_cell_or_to_another_grid_is_made_apart()
    {
        var (free, busy, own) = (Markup(CellState.Free), Markup(CellState.Busy), Markup(CellState.Own));
        var made = 0;
        SseItem<string>? Make(LiveFrame from, LiveFrame to) => new SseItem<string>($"step {++made}", "cells");

        var others = _frames.Step(Frame(1, free), Frame(2, busy), Make);
        var owners = _frames.Step(Frame(1, free), Frame(2, busy, (Nine, 1), own), Make);
        var later = _frames.Step(Frame(1, free), Frame(3, Markup(CellState.Busy)), Make);

        Assert.Equal(3, made);
        Assert.Equal(["step 1", "step 2", "step 3"], new[] { others, owners, later }.Select(item => item!.Value.Data));
    }

    [Fact]
    public void A_step_with_nothing_to_send_is_remembered_as_such()
    {
        var busy = Markup(CellState.Busy);
        var made = 0;
        SseItem<string>? Nothing(LiveFrame from, LiveFrame to)
        {
            made++;
            return null;
        }

        Assert.Null(_frames.Step(Frame(2, busy), Frame(2, busy), Nothing));
        Assert.Null(_frames.Step(Frame(2, busy), Frame(2, busy), Nothing));
        Assert.Equal(1, made);
    }
}

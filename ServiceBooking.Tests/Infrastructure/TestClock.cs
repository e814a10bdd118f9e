namespace ServiceBooking.Tests.Infrastructure;

/// <summary>A clock the test sets, forwards or back (FakeTimeProvider refuses to go back between tests).</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref _ticks, value.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

namespace ServiceBooking.Domain.Common;

/// <summary>Something with an identity given by the database (0 until it is saved).</summary>
public abstract class Entity
{
    public int Id { get; private set; }

    /// <summary>The same thing: the same object, or the same saved row.</summary>
    public bool SameAs(Entity? other) =>
        other is not null && (ReferenceEquals(this, other) || (Id != 0 && Id == other.Id && GetType() == other.GetType()));
}

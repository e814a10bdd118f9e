namespace ServiceBooking.Domain.Common;

/// <summary>Something an Admin switches off rather than deletes while other records still refer to it.</summary>
public interface IActivatable
{
    bool IsActive { get; }

    void Activate();

    void Deactivate();
}
